package cn.anju.identity;

import cn.anju.shared.excel.SheetReader;
import cn.anju.support.PlatformTest;
import cn.anju.support.WebClient;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.ByteArrayInputStream;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Lists export to Excel with their filters, for the people who may read the list only. */
@PlatformTest
class ListExportsTest {

    @LocalServerPort
    int port;

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
}
