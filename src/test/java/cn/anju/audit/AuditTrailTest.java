package cn.anju.audit;

import cn.anju.identity.CurrentUser;
import cn.anju.identity.OrganisationType;
import cn.anju.identity.PersonalDataAccess;
import cn.anju.shared.Role;
import cn.anju.shared.web.ProblemException;
import cn.anju.support.PlatformTest;
import cn.anju.support.WebClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What people do leaves a trail the audit administrator can search and verify; reveals are recorded too. */
@PlatformTest
class AuditTrailTest {

    @LocalServerPort
    int port;
    @Autowired
    PersonalDataAccess personalData;
    @Autowired
    JdbcClient jdbc;

    @Test
    void loginsAndChangesAreRecordedAndTheChainVerifies() {
        WebClient.loggedIn(port, "shenmu.gov");
        new WebClient(port).login("shenmu.gov", "Wrong-Pass-1");
        WebClient auditor = WebClient.loggedIn(port, "auditor");

        JsonNode logins = WebClient.json(auditor.getJson("/api/v1/audit/entries?action=LOGIN&size=200"));
        assertThat(logins.get("total").asLong()).isPositive();
        boolean success = false;
        boolean failed = false;
        for (JsonNode e : logins.get("items")) {
            success |= "shenmu.gov".equals(e.get("actorUsername").asString()) && "SUCCESS".equals(e.get("outcome").asString());
            failed |= "FAILED".equals(e.get("outcome").asString());
        }
        assertThat(success).isTrue();
        assertThat(failed).isTrue();
        assertThat(logins.toString()).doesNotContain("Wrong-Pass-1");

        JsonNode verification = WebClient.json(auditor.getJson("/api/v1/audit/verification"));
        assertThat(verification.get("intact").asBoolean()).as(verification.toString()).isTrue();
        assertThat(verification.get("checkedRows").asLong()).isPositive();
        assertThat(verification.get("unsealedRows").asLong()).isZero();
    }

    @Test
    void everyRevealIsRecordedAndTheSeparatedAdministratorsAreRefused() {
        long before = reveals();
        CurrentUser officer = user("yuyang.gov", 2L, Set.of(Role.GOV_OFFICER));
        String shown = personalData.reveal(officer, "household_member", 42L, "id_number", () -> "11010519491231002X");
        assertThat(shown).isEqualTo("11010519491231002X");

        CurrentUser admin = user("admin", 1L, Set.of(Role.SYSTEM_ADMIN));
        assertThatThrownBy(() -> personalData.reveal(admin, "household_member", 42L, "id_number", () -> "never"))
                .isInstanceOf(ProblemException.class).hasFieldOrPropertyWithValue("code", "PERSONAL_DATA_FORBIDDEN");
        assertThat(reveals() - before).isEqualTo(2);
        String outcomes = jdbc.sql("select string_agg(outcome, ',' order by id) from (select * from audit_log "
                + "where action = 'PII_REVEAL' order by id desc limit 2) r").query(String.class).single();
        assertThat(outcomes).isEqualTo("SUCCESS,DENIED");
        assertThat(jdbc.sql("select count(*) from audit_log where summary like '%11010519491231002X%'")
                .query(Long.class).single()).isZero();
    }

    private long reveals() {
        return jdbc.sql("select count(*) from audit_log where action = 'PII_REVEAL'").query(Long.class).single();
    }

    private static CurrentUser user(String username, Long organisationId, Set<Role> roles) {
        return new CurrentUser(1L, username, username, organisationId, "org",
                OrganisationType.DISTRICT_HOUSING, "610802", roles, Set.of(), false, null);
    }
}
