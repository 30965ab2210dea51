package cn.anju.monitoring;

import cn.anju.support.Pdfs;
import cn.anju.support.PlatformTest;
import cn.anju.support.TestClock;
import cn.anju.support.WebClient;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.time.YearMonth;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 月报: last month is reported once for every district and the city, from the snapshot of its last day; a district
 * reads its own as a PDF whose Chinese text can be extracted and as Excel, and not another district's.
 */
@PlatformTest
class MonthlyReportTest {

    @LocalServerPort
    int port;
    @Autowired
    MonthlyReports reports;
    @Autowired
    Backfill backfill;

    @Test
    void lastMonthIsReportedOnceAsAPdfAndAnExcelForEachDistrictAndTheCity() throws Exception {
        YearMonth month = YearMonth.from(TestClock.today()).minusMonths(1);
        backfill.run(month.atEndOfMonth(), month.atEndOfMonth());
        reports.generate(month);
        assertThat(reports.generate(month)).as("a month is reported once").isZero();

        WebClient yuyang = WebClient.loggedIn(port, "yuyang.gov");
        JsonNode list = WebClient.json(yuyang.getJson("/api/v1/monitoring/reports"));
        JsonNode mine = null;
        for (JsonNode r : list) {
            assertThat(r.get("regionCode").asString()).isEqualTo("610802");
            if (r.get("month").asString().equals(month.toString())) {
                mine = r;
            }
        }
        assertThat(mine).isNotNull();
        assertThat(mine.get("asOf").asString()).isEqualTo(month.atEndOfMonth().toString());
        HttpResponse<byte[]> pdf = yuyang.getBytes("/monitoring/reports/" + mine.get("id").asLong() + "/pdf");
        assertThat(pdf.statusCode()).isEqualTo(200);
        String text = Pdfs.text(pdf.body());
        assertThat(text).contains("榆阳区公租房" + month.getYear() + "年" + month.getMonthValue() + "月运行监测月报", "超期未完工工单数", "各项目并列",
                "金沙花园公租房");
        HttpResponse<byte[]> xlsx = yuyang.getBytes("/monitoring/reports/" + mine.get("id").asLong() + "/xlsx");
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            assertThat(book.getSheetAt(0).getRow(0).getCell(3).getStringCellValue()).isEqualTo("指标");
            assertThat(book.getSheetAt(0).getLastRowNum()).isGreaterThan(20);
        }
        assertThat(WebClient.loggedIn(port, "shenmu.gov").getBytes("/monitoring/reports/" + mine.get("id").asLong() + "/pdf").statusCode())
                .as("another district's report").isEqualTo(404);
        JsonNode city = WebClient.json(WebClient.loggedIn(port, "city.gov").getJson("/api/v1/monitoring/reports"));
        assertThat(city.findValuesAsString("regionCode")).contains("610800", "610802", "610881");
    }
}
