package cn.anju.imports;

import cn.anju.shared.excel.SheetReader;
import cn.anju.shared.excel.SheetRow;
import cn.anju.shared.excel.Sheets;
import cn.anju.shared.privacy.ChineseIdNumber;
import cn.anju.support.PlatformTest;
import cn.anju.support.WebClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** Excel imports: every bad row reported and nothing written; a good file imports; the same rows again change nothing. */
@PlatformTest
class ImportTest {

    static final List<String> HOUSEHOLD_HEADERS = List.of("户编号", "区县代码", "类别", "登记日期", "特殊群体", "成员姓名",
            "与户主关系", "身份证号", "手机号");
    static final List<String> DECISION_HEADERS = List.of("户主身份证号", "认定文号", "认定机关", "认定日期", "有效期起", "有效期止",
            "核准面积", "租金档次");
    static final AtomicInteger SEQUENCE = new AtomicInteger(500);

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    static String id(LocalDate birth) {
        String first17 = "610802" + birth.format(DateTimeFormatter.BASIC_ISO_DATE) + String.format("%03d", SEQUENCE.incrementAndGet() % 1000);
        return first17 + ChineseIdNumber.checkCharacter(first17);
    }

    static byte[] sheet(List<String> headers, List<List<String>> rows) {
        return Sheets.write("导入", headers, rows);
    }

    long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }

    @Test
    void aSheetWithManyKindsOfBadRowsReportsEveryOneAndWritesNothing() {
        String good = id(LocalDate.of(1980, 5, 1));
        String wrongCheck = good.substring(0, 17) + (good.charAt(17) == '0' ? '1' : '0');
        List<List<String>> rows = List.of(
                List.of("B1", "610802", "低保", "2026-02-01", "", "甲", "户主", good, "13912345678"),
                List.of("B1", "610802", "低保", "2026-02-01", "", "乙", "配偶", good, ""),                 // duplicate ID in file
                List.of("B2", "610802", "富裕", "2026-02-30", "", "丙", "户主", wrongCheck, "139123"),     // category, date, check char, phone
                List.of("B3", "610881", "低收入", "2026-02-01", "", "丁", "子女", id(LocalDate.of(1990, 1, 1)), ""), // other district, no head
                List.of("", "610802", "低保", "2026-02-01", "", "戊", "户主", id(LocalDate.of(1970, 1, 1)), ""));  // no household ref
        long households = count("household");
        long members = count("household_member");
        WebClient officer = WebClient.loggedIn(port, "yuyang.gov");
        HttpResponse<String> response = officer.postMultipart("/api/v1/imports/households", "坏数据.xlsx",
                sheet(HOUSEHOLD_HEADERS, rows));
        assertThat(response.statusCode()).isEqualTo(422);
        JsonNode problem = WebClient.json(response);
        assertThat(problem.get("code").asString()).isEqualTo("IMPORT_REJECTED");
        assertThat(problem.get("instance").asString()).as("like every other problem").isEqualTo("/api/v1/imports/households");
        Set<String> found = new HashSet<>();
        problem.get("errors").forEach(e -> found.add(e.get("row").asInt() + ":" + e.get("column").asString()));
        assertThat(found).contains("3:身份证号", "4:类别", "4:登记日期", "4:身份证号", "4:手机号", "5:区县代码", "5:与户主关系", "6:户编号");
        assertThat(response.body()).as("personal values are masked in the answer").doesNotContain(good).doesNotContain(wrongCheck);
        assertThat(count("household")).isEqualTo(households);
        assertThat(count("household_member")).isEqualTo(members);

        // the sheet comes back with an error column, for its uploader only
        String report = problem.get("errorReport").asString();
        HttpResponse<byte[]> download = officer.getBytes(report);
        assertThat(download.statusCode()).isEqualTo(200);
        List<SheetRow> annotated = SheetReader.read(new ByteArrayInputStream(download.body()), List.of("错误说明"));
        assertThat(annotated).hasSize(5);
        assertThat(annotated.get(2).get("错误说明")).contains("类别", "日期", "校验位");
        assertThat(WebClient.loggedIn(port, "city.gov").getBytes(report).statusCode()).isEqualTo(404);
    }

    @Test
    void aGoodSheetImportsAndTheSameRowsAgainChangeNothing() {
        String head1 = id(LocalDate.of(1975, 3, 3));
        String spouse1 = id(LocalDate.of(1977, 4, 4));
        String head2 = id(LocalDate.of(1985, 6, 6));
        List<List<String>> rows = List.of(
                List.of("C1", "610802", "低保", "2026-01-15", "残疾", "赵一", "户主", head1, "13700001111"),
                List.of("C1", "610802", "低保", "2026-01-15", "残疾", "钱二", "配偶", spouse1, ""),
                List.of("C2", "610802", "新就业无房职工", "2026-01-16", "", "孙三", "户主", head2, "13700002222"));
        WebClient officer = WebClient.loggedIn(port, "yuyang.gov");
        HttpResponse<String> first = officer.postMultipart("/api/v1/imports/households", "家庭.xlsx", sheet(HOUSEHOLD_HEADERS, rows));
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        assertThat(WebClient.json(first).get("created").asInt()).isEqualTo(2);

        long households = count("household");
        HttpResponse<String> again = officer.postMultipart("/api/v1/imports/households", "家庭-另存.xlsx",
                sheet(HOUSEHOLD_HEADERS, new ArrayList<>(rows)));
        assertThat(WebClient.json(again).get("created").asInt()).isZero();
        assertThat(WebClient.json(again).get("skipped").asInt()).isEqualTo(2);
        assertThat(count("household")).isEqualTo(households);

        List<List<String>> changed = List.of(List.of("C2", "610802", "低保", "2026-01-16", "", "孙三", "户主", head2, "13700002222"));
        HttpResponse<String> conflict = officer.postMultipart("/api/v1/imports/households", "改动.xlsx", sheet(HOUSEHOLD_HEADERS, changed));
        assertThat(conflict.statusCode()).isEqualTo(422);
        assertThat(conflict.body()).contains("信息与登记不一致");

        List<List<String>> decisions = List.of(
                List.of(head1, "导入测试〔2026〕" + head1.substring(14) + "号", "榆阳区住房保障中心", "2026-01-20", "2026-02-01", "2029-01-31", "50", "最低租金"),
                List.of(head2, "导入测试〔2026〕" + head2.substring(14) + "号", "榆阳区住房保障中心", "2026-01-20", "2026-02-01", "2029-01-31", "60.00", "标准租金"));
        HttpResponse<String> decided = officer.postMultipart("/api/v1/imports/eligibility-decisions", "认定.xlsx",
                sheet(DECISION_HEADERS, decisions));
        assertThat(decided.statusCode()).as(decided.body()).isEqualTo(200);
        assertThat(WebClient.json(decided).get("created").asInt()).isEqualTo(2);
        HttpResponse<String> decidedAgain = officer.postMultipart("/api/v1/imports/eligibility-decisions", "认定.xlsx",
                sheet(DECISION_HEADERS, decisions));
        assertThat(WebClient.json(decidedAgain).get("skipped").asInt()).isEqualTo(2);
    }

    @Test
    void anOperatorCannotImportEligibilityOrHouseholdsAndNothingChanges() {
        long decisions = count("eligibility_decision");
        long households = count("household");
        byte[] anything = sheet(DECISION_HEADERS, List.of(List.of("x", "y", "z", "", "", "", "", "")));
        for (String kind : List.of("eligibility-decisions", "households", "units")) {
            HttpResponse<String> r = WebClient.loggedIn(port, "anju.manager").postMultipart("/api/v1/imports/" + kind, "x.xlsx", anything);
            assertThat(r.statusCode()).as(kind).isEqualTo(403);
        }
        WebClient operator = WebClient.loggedIn(port, "anju.manager");
        HttpResponse<String> page = operator.postForm("/imports/eligibility-decisions", Map.of("_csrf", operator.csrfToken()));
        assertThat(page.statusCode()).isEqualTo(403);
        assertThat(count("eligibility_decision")).isEqualTo(decisions);
        assertThat(count("household")).isEqualTo(households);
    }

    @Test
    void unitsImportIntoTheOfficersProjectsAndSkipWhatIsStored() {
        List<String> headers = List.of("项目名称", "楼栋号", "楼层", "房号", "户型", "建筑面积", "使用面积", "计租面积", "朝向");
        String building = "T" + (System.nanoTime() % 100000);
        List<List<String>> rows = List.of(
                List.of("金沙花园公租房", building, "1", "101", "一室一厅", "45.60", "36.50", "45.60", "南北"),
                List.of("金沙花园公租房", building, "1", "102", "两室一厅", "58.00", "46.40", "58.00", "南北"));
        WebClient officer = WebClient.loggedIn(port, "yuyang.gov");
        HttpResponse<String> first = officer.postMultipart("/api/v1/imports/units", "房源.xlsx", sheet(headers, rows));
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        assertThat(WebClient.json(first).get("created").asInt()).isEqualTo(2);
        assertThat(WebClient.json(officer.postMultipart("/api/v1/imports/units", "房源.xlsx", sheet(headers, rows)))
                .get("skipped").asInt()).isEqualTo(2);
        HttpResponse<String> foreign = WebClient.loggedIn(port, "shenmu.gov").postMultipart("/api/v1/imports/units", "房源.xlsx",
                sheet(headers, rows));
        assertThat(foreign.statusCode()).isEqualTo(422);
        assertThat(foreign.body()).contains("本区县没有该项目");
    }

    @Test
    void theTemplateHasChineseHeadersAndAnExample() {
        HttpResponse<byte[]> template = WebClient.loggedIn(port, "yuyang.gov").getBytes("/api/v1/imports/households/template");
        List<SheetRow> rows = SheetReader.read(new ByteArrayInputStream(template.body()), HOUSEHOLD_HEADERS);
        assertThat(rows).hasSize(1);
        assertThat(rows.getFirst().get("与户主关系")).isEqualTo("户主");
    }
}
