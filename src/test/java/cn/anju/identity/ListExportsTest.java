package cn.anju.identity;

import cn.anju.shared.excel.SheetReader;
import cn.anju.support.PlatformTest;
import cn.anju.support.WebClient;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Lists export to Excel with their filters, for the people who may read the list only. */
@PlatformTest
class ListExportsTest {

    @LocalServerPort
    int port;
    @Autowired
    Organisations organisations;

    @Test
    void theAccountListExportsWithItsFilter() {
        WebClient admin = WebClient.loggedIn(port, "admin");
        var all = SheetReader.read(new ByteArrayInputStream(admin.getBytes("/admin/accounts/export").body()), List.of("用户名", "角色"));
        assertThat(all.size()).isGreaterThanOrEqualTo(13);
        var officers = SheetReader.read(new ByteArrayInputStream(admin.getBytes("/admin/accounts/export?role=GOV_OFFICER").body()),
                List.of("用户名", "角色"));
        assertThat(officers).isNotEmpty().allSatisfy(r -> assertThat(r.get("角色")).contains("GOV_OFFICER"));
        assertThat(WebClient.loggedIn(port, "auditor").getBytes("/admin/accounts/export").statusCode()).isEqualTo(403);
    }

    @Test
    void theAuditLogExportsForTheAuditorOnly() {
        WebClient auditor = WebClient.loggedIn(port, "auditor");
        var rows = SheetReader.read(new ByteArrayInputStream(auditor.getBytes("/audit/export?action=LOGIN").body()), List.of("操作", "结果"));
        assertThat(rows).isNotEmpty().allSatisfy(r -> assertThat(r.get("操作")).startsWith("LOGIN"));
        assertThat(WebClient.loggedIn(port, "admin").getBytes("/audit/export").statusCode()).isEqualTo(403);
    }

    @Test
    void aPlantedFormulaComesBackInertAndNumbersStayNumbers() throws Exception {
        String hostile = "=HYPERLINK(\"http://evil.example/\",\"点击领取补贴\")";
        WebClient admin = WebClient.loggedIn(port, "admin");
        var created = admin.postForm("/admin/accounts", Map.of("_csrf", admin.csrfToken(), "username", "formula.plant",
                "displayName", hostile, "email", "formula.plant@example.cn",
                "organisationId", Long.toString(organisations.findByCode("HS-610802").orElseThrow().id())));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(302);
        try (var accounts = new XSSFWorkbook(new ByteArrayInputStream(admin.getBytes("/admin/accounts/export?keyword=formula.plant").body()))) {
            Cell name = accounts.getSheetAt(0).getRow(1).getCell(1);
            assertThat(name.getCellType()).isEqualTo(CellType.STRING);
            assertThat(name.getStringCellValue()).isEqualTo(hostile);
            assertThat(name.getCellStyle().getQuotePrefixed()).isTrue();
            assertThat(accounts.getSheetAt(0).getRow(1).getCell(0).getCellStyle().getQuotePrefixed()).isFalse();
        }
        try (var units = new XSSFWorkbook(new ByteArrayInputStream(
                WebClient.loggedIn(port, "shenmu.op").getBytes("/housing/units/export?status=VACANT").body()))) {
            Row first = units.getSheetAt(0).getRow(1);
            assertThat(first.getCell(3).getCellType()).as("楼层").isEqualTo(CellType.NUMERIC);
            assertThat(first.getCell(6).getCellType()).as("建筑面积").isEqualTo(CellType.NUMERIC);
            assertThat(first.getCell(4).getCellType()).as("房号").isEqualTo(CellType.STRING);
        }
    }
}
