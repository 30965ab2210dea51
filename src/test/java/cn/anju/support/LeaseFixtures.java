package cn.anju.support;

import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.LocalDate;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

/** A lease moved into by a clerk of 榆林安居, from a fresh selection choice: where renewal, amendment and move-out start. */
public final class LeaseFixtures {

    /** A complete move-in checklist: two keys, readings, every fixture in good order, household information checked. */
    public static final String MOVE_IN = """
            {"keys":2,"waterReading":12.5,"electricityReading":340.2,"gasReading":8,
             "fixtures":[{"item":"入户门及门锁","condition":"GOOD","note":""},{"item":"水龙头及洁具","condition":"GOOD","note":""}],
             "photoDocumentIds":[],"householdInfoConfirmed":true}""";

    public record Active(SelectionFixtures.Chosen chosen, long leaseId) {
    }

    private LeaseFixtures() {
    }

    public static long drafted(int port, SelectionFixtures.Chosen c, int months) {
        WebClient clerk = WebClient.loggedIn(port, "anju.staff");
        var r = clerk.postJson("/api/v1/leases", "{\"selectionApplicantId\":" + c.applicantId() + ",\"startDate\":\""
                + TestClock.today() + "\",\"termMonths\":" + months + "}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return WebClient.json(r).get("id").asLong();
    }

    public static Active active(int port, JdbcClient jdbc) {
        SelectionFixtures.Chosen c = SelectionFixtures.chosen(port, jdbc);
        long lease = drafted(port, c, 36);
        WebClient clerk = WebClient.loggedIn(port, "anju.staff");
        assertThat(clerk.postJson("/api/v1/leases/" + lease + "/sign", "{}").statusCode()).isEqualTo(204);
        var moved = clerk.postJson("/api/v1/leases/" + lease + "/move-in", MOVE_IN);
        assertThat(moved.statusCode()).as(moved.body()).isEqualTo(204);
        return new Active(c, lease);
    }
}
