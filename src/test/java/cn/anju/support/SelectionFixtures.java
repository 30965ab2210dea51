package cn.anju.support;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** A drawn selection round in 榆阳区 with its first applicant's choice recorded: what a lease starts from. */
public final class SelectionFixtures {

    public record Chosen(long roundId, long applicantId, long unitId, long householdId) {
    }

    private SelectionFixtures() {
    }

    public static Chosen chosen(int port, JdbcClient jdbc) {
        WebClient officer = WebClient.loggedIn(port, "yuyang.gov");
        long project = jdbc.sql("select id from project where name = '沙河路公租房小区'").query(Long.class).single();
        long round = WebClient.json(officer.postJson("/api/v1/selection-rounds",
                "{\"name\":\"签约测试\",\"projectId\":" + project + "}")).get("id").asLong();
        assertThat(officer.postJson("/api/v1/selection-rounds/" + round + "/publish", "{}").statusCode()).isEqualTo(204);
        assertThat(officer.postJson("/api/v1/selection-rounds/" + round + "/public-value", "{\"value\":\"42\"}").statusCode()).isEqualTo(204);
        assertThat(officer.postJson("/api/v1/selection-rounds/" + round + "/draw", "{}").statusCode()).isEqualTo(204);
        long applicant = jdbc.sql("select id from selection_applicant where round_id = ? and position = 1").param(round)
                .query(Long.class).single();
        long household = jdbc.sql("select household_id from selection_applicant where id = ?").param(applicant).query(Long.class).single();
        long unit = jdbc.sql("""
                        select p.unit_id from selection_round_unit p join unit u on u.id = p.unit_id
                         where p.round_id = ? and u.status = 'VACANT' order by p.unit_id limit 1""")
                .param(round).query(Long.class).single();
        assertThat(officer.postJson("/api/v1/selection-rounds/" + round + "/choices",
                "{\"applicantId\":" + applicant + ",\"outcome\":\"CHOSEN\",\"unitId\":" + unit + "}").statusCode()).isEqualTo(204);
        return new Chosen(round, applicant, unit, household);
    }
}
