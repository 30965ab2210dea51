package cn.anju.imports;

import cn.anju.support.PlatformTest;
import cn.anju.support.WebClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Uploads through the real endpoints, with sheets LibreOffice made (src/test/resources/sheets): an .xls with merged
 * title rows imports its households; ID numbers Excel stored as numbers get one message each and nothing is written;
 * a bank's statement saved as CSV in GBK, with title lines and quoted commas and line breaks, is read line by line.
 */
@PlatformTest
class BureauSheetImportTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    static byte[] file(String name) {
        try (InputStream in = BureauSheetImportTest.class.getResourceAsStream("/sheets/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }

    @Test
    void anXlsWithTitleRowsAboveTheHeaderImportsItsHouseholds() {
        WebClient officer = WebClient.loggedIn(port, "yuyang.gov");
        long households = count("household");
        long members = count("household_member");

        HttpResponse<String> imported = officer.postMultipart("/api/v1/imports/households", "2026年第一批名册.xls",
                file("households.xls"));

        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
        assertThat(WebClient.json(imported).get("created").asInt()).isEqualTo(3);
        assertThat(count("household")).isEqualTo(households + 3);
        assertThat(count("household_member")).isEqualTo(members + 5);
        assertThat(jdbc.sql("select count(*) from household where district_code = '610802' and registered_on = ?")
                .param(LocalDate.of(2026, 3, 2)).query(Long.class).single()).as("the date cell").isPositive();

        // the same households saved by LibreOffice as .xlsx are recognised member by member, ID numbers included
        HttpResponse<String> again = officer.postMultipart("/api/v1/imports/households", "2026年第一批名册.xlsx",
                file("households.xlsx"));
        assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
        assertThat(WebClient.json(again).get("skipped").asInt()).isEqualTo(3);
        assertThat(count("household")).isEqualTo(households + 3);
    }

    @Test
    void idNumbersStoredAsNumbersGetOneMessageEachAndNoFalseDuplicate() {
        WebClient officer = WebClient.loggedIn(port, "yuyang.gov");
        for (String name : List.of("households-numeric-id.xls", "households-numeric-id.xlsx", "households-numeric-id-bom.csv")) {
            long households = count("household");

            HttpResponse<String> refused = officer.postMultipart("/api/v1/imports/households", name, file(name));

            assertThat(refused.statusCode()).as(name + " " + refused.body()).isEqualTo(422);
            JsonNode problem = WebClient.json(refused);
            assertThat(problem.get("code").asString()).isEqualTo("IMPORT_REJECTED");
            List<String> errors = new ArrayList<>();
            problem.get("errors").forEach(e -> errors.add(e.get("row").asInt() + ":" + e.get("column").asString()
                    + ":" + e.get("reason").asString()));
            // both numbers read as 6.10824E+17; neither is called a duplicate of the other, nor 11 digits long
            assertThat(errors).as(name).hasSize(2).allMatch(e -> e.contains(":身份证号:身份证号须以文本格式填写"));
            assertThat(errors).extracting(e -> e.substring(0, e.indexOf(':'))).as(name).containsExactly("3", "5");
            assertThat(count("household")).as(name + ": nothing written").isEqualTo(households);
        }
    }

    @Test
    void aBankStatementInGbkWithTitleLinesAndQuotedFieldsIsReadLineByLine() {
        WebClient clerk = WebClient.loggedIn(port, "anju.staff");

        HttpResponse<String> response = clerk.postMultipart("/api/v1/bank-statements", Map.of(), "建行流水.csv",
                "text/csv", file("bank-statement-gbk.csv"));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(WebClient.json(response).get("lines").asInt()).isEqualTo(3);
        record Line(BigDecimal amount, String payer, String memo) {
        }
        Line line = jdbc.sql("select amount, payer, memo from bank_statement_line where bank_ref = 'CCB202611050002'")
                .query((rs, n) -> new Line(rs.getBigDecimal(1), rs.getString(2), rs.getString(3))).single();
        assertThat(line.amount()).isEqualByComparingTo("850.50");
        assertThat(line.payer()).isEqualTo("榆林市恒信物业有限公司,代付");
        assertThat(line.memo()).isEqualTo("代缴11月租金\n承租人：尚志刚");
        assertThat(jdbc.sql("select amount from bank_statement_line where bank_ref = 'CCB202611030001'")
                .query(BigDecimal.class).single()).isEqualByComparingTo("1260.00");
    }
}
