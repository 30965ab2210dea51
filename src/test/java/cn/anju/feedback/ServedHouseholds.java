package cn.anju.feedback;

import cn.anju.support.ContractFixtures;
import cn.anju.support.TestClock;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.LocalDate;
import java.util.List;


/**
 * A household whose project anju.service's operator serves. Other tests sign contracts of their own operators in the
 * same district (a district-wide one, the most recent, serves before the demo's), so the first household's project is
 * covered for anju by a project-level contract, whose coverage comes first whatever the dates.
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
        long covered = jdbc.sql("""
                        select count(*) from operator_coverage where operator_id = ? and project_id = ? and valid_from <= ?
                           and (valid_to is null or valid_to >= ?)""")
                .params(ours, first.project(), TestClock.today(), TestClock.today()).query(Long.class).single();
        if (covered == 0) {
            ContractFixtures.signed(port, null, district, ours, List.of(first.project()), LocalDate.of(2026, 1, 1), LocalDate.of(2027, 12, 31));
        }
        return first.household();
    }
}
