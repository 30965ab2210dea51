package cn.anju.feedback;

import cn.anju.support.WebClient;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A household whose project anju.service's operator serves. Other tests record coverage of their own operators in the
 * same district (a district-wide one, the most recent, serves before the demo's), so the first household's project is
 * covered for anju by a project-level coverage, which comes first whatever the dates.
 */
final class ServedHouseholds {

    private ServedHouseholds() {
    }

    static long housedIn(int port, JdbcClient jdbc, String district) {
        long ours = jdbc.sql("select organisation_id from app_user where username = 'anju.service'").query(Long.class).single();
        record Housed(long household, long project) {
        }
        Housed first = jdbc.sql("""
                        select o.household_id, l.project_id from lease_occupancy o join lease l on l.id = o.lease_id
                         where l.district_code = ? order by 1 limit 1""")
                .param(district).query((rs, n) -> new Housed(rs.getLong(1), rs.getLong(2))).single();
        long covered = jdbc.sql("select count(*) from operator_coverage where operator_id = ? and project_id = ? and valid_to is null")
                .params(ours, first.project()).query(Long.class).single();
        if (covered == 0) {
            var r = WebClient.loggedIn(port, "yuyang.gov").postJson("/api/v1/operator-coverage", "{\"operatorId\":" + ours
                    + ",\"districtCode\":\"" + district + "\",\"projectId\":" + first.project() + ",\"validFrom\":\"2026-01-01\",\"note\":\"投诉测试\"}");
            assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        }
        return first.household();
    }
}
