package cn.anju.housing;

import cn.anju.support.PlatformTest;
import cn.anju.support.WebClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A unit's status moves only along {@link UnitStatus}'s table: each change raises its version and is kept with its
 * reason; a change the table does not allow answers 409 ILLEGAL_TRANSITION, like every module's, and changes nothing.
 */
@PlatformTest
class UnitStatusTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    String statusAndVersion(long unit) {
        return jdbc.sql("select status || ':' || version from unit where id = ?").param(unit).query(String.class).single();
    }

    /** The unit's status changes recorded since {@code afterId}, as "from>to reason". */
    String history(long unit, long afterId) {
        return jdbc.sql("select coalesce(string_agg(from_status || '>' || to_status || ' ' || reason, ', ' order by id), '') "
                + "from unit_status_change where unit_id = ? and id > ?").params(unit, afterId).query(String.class).single();
    }

    @Test
    void aUnitMovesAlongItsTableAndAnIllegalStepAnswers409WithTheOneCode() {
        long unit = jdbc.sql("select id from unit where district_code = '610802' and status = 'VACANT' order by id desc limit 1")
                .query(Long.class).single();
        int version = jdbc.sql("select version from unit where id = ?").param(unit).query(Integer.class).single();
        long since = jdbc.sql("select coalesce(max(id), 0) from unit_status_change").query(Long.class).single();
        WebClient officer = WebClient.loggedIn(port, "yuyang.gov");
        String path = "/api/v1/units/" + unit + "/status";
        assertThat(officer.postJson(path, "{\"status\":\"OFFLINE\",\"reason\":\"屋面漏水，暂停分配\"}").statusCode()).isEqualTo(204);
        assertThat(statusAndVersion(unit)).isEqualTo("OFFLINE:" + (version + 1));
        try {
            // an offline unit is not offered for a selection: it must come back to vacant first
            var refused = officer.postJson(path, "{\"status\":\"RESERVED\",\"reason\":\"直接预订\"}");
            assertThat(refused.statusCode()).isEqualTo(409);
            assertThat(WebClient.json(refused).get("code").asString()).isEqualTo("ILLEGAL_TRANSITION");
            assertThat(WebClient.json(refused).get("detail").asString()).contains("停用", "已预订");
            assertThat(statusAndVersion(unit)).isEqualTo("OFFLINE:" + (version + 1));
            assertThat(history(unit, since)).isEqualTo("VACANT>OFFLINE 屋面漏水，暂停分配");
        } finally {
            assertThat(officer.postJson(path, "{\"status\":\"VACANT\",\"reason\":\"修缮完毕\"}").statusCode()).isEqualTo(204);
        }
        assertThat(history(unit, since)).isEqualTo("VACANT>OFFLINE 屋面漏水，暂停分配, OFFLINE>VACANT 修缮完毕");
    }
}
