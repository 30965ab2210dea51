package cn.anju.evaluation;

import cn.anju.identity.TestAccounts;
import cn.anju.support.ContractFixtures;
import cn.anju.support.PlatformTest;
import cn.anju.support.WebClient;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The operator's accounts: the template filled and filed, read back to the fen; filed twice refused; returned with a
 * reason and filed again; the audit report with its firm recorded once; what is not filed by its day listed as overdue.
 */
@PlatformTest
class FinancialReportsTest {

    @LocalServerPort
    int port;
    @Autowired
    TestAccounts accounts;
    @Autowired
    JdbcClient jdbc;

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    long contract() {
        long anju = jdbc.sql("select id from organisation where name = '榆林安居物业服务有限公司'").query(Long.class).single();
        long project = jdbc.sql("select id from project where district_code = '610802' order by id limit 1").query(Long.class).single();
        return ContractFixtures.signed(port, accounts, "610802", anju, List.of(project), LocalDate.of(2025, 7, 1), LocalDate.of(2027, 6, 30));
    }

    byte[] filled(String income, String staff) throws Exception {
        var response = WebClient.loggedIn(port, "anju.manager").getBytes("/api/v1/financial-reports/template");
        assertThat(response.statusCode()).isEqualTo(200);
        byte[] template = response.body();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(template)); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet s = wb.getSheetAt(0);
            assertThat(s.getRow(0).getCell(0).getStringCellValue()).isEqualTo("项目");
            for (Row r : s) {
                String item = r.getCell(0).getStringCellValue();
                String value = switch (item) {
                    case "合同收入" -> income;
                    case "入住和退出管理成本" -> "12000.5";
                    case "租金收缴和房屋使用管理成本" -> "8000";
                    case "维修养护成本" -> "30000.25";
                    case "综合管理成本" -> "5000";
                    case "在岗人数" -> staff;
                    default -> null;
                };
                if (value != null) {
                    r.createCell(1).setCellValue(value);
                }
            }
            wb.write(out);
            return out.toByteArray();
        }
    }

    HttpResponse<String> file(long contract, String period, byte[] workbook) {
        return WebClient.loggedIn(port, "anju.manager").postMultipart("/api/v1/financial-reports",
                Map.of("contractId", String.valueOf(contract), "period", period), "report.xlsx", XLSX, workbook);
    }

    @Test
    void aQuarterlyReportIsReadToTheFenReturnedAndFiledAgain() throws Exception {
        long contract = contract();
        var bad = file(contract, "2026Q3", filled("abc", "12"));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(WebClient.json(bad).get("code").asString()).isEqualTo("REPORT_VALUE_INVALID");
        assertThat(WebClient.json(file(contract, "2027Q1", filled("1", "1"))).get("code").asString()).isEqualTo("PERIOD_NOT_ENDED");

        var filed = file(contract, "2026Q3", filled("150000.75", "12"));
        assertThat(filed.statusCode()).as(filed.body()).isEqualTo(201);
        long id = WebClient.json(filed).get("id").asLong();
        JsonNode r = WebClient.json(WebClient.loggedIn(port, "yuyang.gov").getJson("/api/v1/financial-reports/" + id));
        assertThat(r.get("figures").get("incomeFen").asLong()).isEqualTo(15_000_075);
        assertThat(r.get("costsFen").asLong()).isEqualTo(1_200_050 + 800_000 + 3_000_025 + 500_000);
        assertThat(r.get("figures").get("staff").asInt()).isEqualTo(12);
        assertThat(r.get("status").asString()).isEqualTo("SUBMITTED");
        assertThat(WebClient.json(file(contract, "2026Q3", filled("1", "1"))).get("code").asString()).isEqualTo("REPORT_SUBMITTED");

        assertThat(WebClient.loggedIn(port, "anju.manager").postJson("/api/v1/financial-reports/" + id + "/return", "{\"reason\":\"x\"}")
                .statusCode()).as("the operator does not judge its own report").isEqualTo(403);
        var noReason = WebClient.loggedIn(port, "yuyang.gov").postJson("/api/v1/financial-reports/" + id + "/return", "{}");
        assertThat(WebClient.json(noReason).get("code").asString()).isEqualTo("RETURN_REASON_REQUIRED");
        var returned = WebClient.loggedIn(port, "yuyang.gov").postJson("/api/v1/financial-reports/" + id + "/return",
                "{\"reason\":\"维修养护成本缺少明细\"}");
        assertThat(WebClient.json(returned).get("status").asString()).isEqualTo("RETURNED");
        long again = WebClient.json(file(contract, "2026Q3", filled("150000.75", "12"))).get("id").asLong();
        var accepted = WebClient.loggedIn(port, "yuyang.gov").postJson("/api/v1/financial-reports/" + again + "/acceptance", "{}");
        assertThat(WebClient.json(accepted).get("status").asString()).isEqualTo("ACCEPTED");
    }

    @Test
    void theAuditReportNamesItsFirmOnceAndWhatIsMissingIsOverdue() {
        long contract = contract();
        JsonNode overdue = WebClient.json(WebClient.loggedIn(port, "yuyang.gov").getJson("/api/v1/financial-reports/overdue"));
        assertThat(overdue.toString()).contains("\"contractId\":" + contract).contains("\"period\":\"2025\"").contains("\"kind\":\"AUDIT\"");
        Map<String, String> form = Map.of("contractId", String.valueOf(contract), "year", "2025", "firmName", "陕西华信会计师事务所",
                "licenceNo", "61010023", "opinion", "UNQUALIFIED");
        var notPdf = WebClient.loggedIn(port, "anju.manager").postMultipart("/api/v1/financial-reports/audit", form, "a.pdf",
                "application/pdf", "not a pdf".getBytes());
        assertThat(WebClient.json(notPdf).get("code").asString()).isEqualTo("PDF_REQUIRED");
        var filed = WebClient.loggedIn(port, "anju.manager").postMultipart("/api/v1/financial-reports/audit", form, "audit.pdf",
                "application/pdf", ContractFixtures.PDF);
        assertThat(filed.statusCode()).as(filed.body()).isEqualTo(201);
        JsonNode audit = WebClient.json(WebClient.loggedIn(port, "yuyang.gov").getJson("/api/v1/financial-reports/" + WebClient.json(filed)
                .get("id").asLong()));
        assertThat(audit.get("opinionLabel").asString()).isEqualTo("无保留意见");
        assertThat(jdbc.sql("select count(*) from accounting_firm where licence_no = '61010023'").query(Long.class).single()).isOne();
        var otherName = WebClient.loggedIn(port, "anju.manager").postMultipart("/api/v1/financial-reports/audit",
                Map.of("contractId", String.valueOf(contract), "year", "2025", "firmName", "另一家事务所", "licenceNo", "61010023",
                        "opinion", "QUALIFIED"), "audit.pdf", "application/pdf", ContractFixtures.PDF);
        assertThat(WebClient.json(otherName).get("code").asString()).isEqualTo("FIRM_LICENCE_TAKEN");
        JsonNode list = WebClient.json(WebClient.loggedIn(port, "yuyang.gov").getJson("/api/v1/financial-reports/overdue"));
        for (JsonNode o : list) {
            if (o.get("contractId").asLong() == contract) {
                assertThat(o.get("period").asString() + o.get("kind").asString()).isNotEqualTo("2025AUDIT");
            }
        }
    }
}
