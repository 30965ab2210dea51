package cn.anju.evaluation;

import cn.anju.contract.ContractTerms;
import cn.anju.contract.ServiceContract;
import cn.anju.identity.TestAccounts;
import cn.anju.support.ContractFixtures;
import cn.anju.support.PlatformTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A quarter's base fee counts the units under management day by day from the units' status history: a unit taken
 * offline after the quarter still earned its fee for it, one offline for part of the quarter earned only its other days.
 */
@PlatformTest
class BaseFeeTest {

    @LocalServerPort
    int port;
    @Autowired
    TestAccounts accounts;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    BaseFee baseFee;
    @Autowired
    ContractTerms contracts;

    @Test
    @Transactional // the status history written here is rolled back
    void unitsCountForTheDaysTheyWereUnderManagement() {
        long operator = jdbc.sql("select id from organisation where name = '榆林安居物业服务有限公司'").query(Long.class).single();
        long project = jdbc.sql("""
                        select project_id from unit u where district_code = '610802' and status = 'VACANT' and not exists
                               (select 1 from unit_status_change c where c.unit_id = u.id)
                         group by project_id having count(*) >= 3 order by project_id limit 1""").query(Long.class).single();
        long id = ContractFixtures.signed(port, accounts, "610802", operator, List.of(project), LocalDate.of(2026, 4, 1), LocalDate.of(2027, 3, 31));
        jdbc.sql("update service_contract set fee_kind = 'PER_UNIT', fee_rates = '{\"其他\": 5000}', lump_sum_fen = null where id = ?")
                .param(id).update();
        ServiceContract c = contracts.contract(id).orElseThrow();
        EvaluationPeriod q3 = EvaluationPeriod.parse("2026Q3");
        List<Long> units = jdbc.sql("""
                        select id from unit u where project_id = ? and status = 'VACANT'
                           and not exists (select 1 from unit_status_change c where c.unit_id = u.id) order by id limit 3""").param(project)
                .query(Long.class).list();
        BaseFee.Fee before = baseFee.of(c, q3);
        long unitDays = unitDays(before);
        assertThat(before.fen()).as("50 yuan a unit a month, by unit-days").isEqualTo(Math.round(unitDays * 5000 * 3 / 92.0));

        // taken offline today, after the quarter: it was under management all the quarter
        offline(units.get(0), "2026-11-10T10:00", null);
        assertThat(baseFee.of(c, q3).fen()).isEqualTo(before.fen());
        // offline from 1 August (the day counts as offline) to the quarter's end: 61 days less
        offline(units.get(1), "2026-08-01T10:00", null);
        // offline since before the quarter until back on 1 September: July and August, 62 days less
        offline(units.get(2), "2026-09-01T09:00", "VACANT");
        BaseFee.Fee after = baseFee.of(c, q3);
        assertThat(unitDays(after)).isEqualTo(unitDays - 61 - 62);
        assertThat(after.fen()).isEqualTo(Math.round((unitDays - 61 - 62) * 5000 * 3 / 92.0));
    }

    /** A change at the time (Beijing): into OFFLINE, or ({@code back} set) out of OFFLINE into {@code back}. */
    void offline(long unit, String at, String back) {
        jdbc.sql("""
                        insert into unit_status_change (unit_id, from_status, to_status, reason, changed_by, changed_at)
                        values (?, ?, ?, '测试', null, (?::timestamp at time zone 'Asia/Shanghai'))""")
                .params(unit, back == null ? "VACANT" : "OFFLINE", back == null ? "OFFLINE" : back, at).update();
        jdbc.sql("update unit set status = ? where id = ?").params(back == null ? "OFFLINE" : back, unit).update();
    }

    static long unitDays(BaseFee.Fee fee) {
        Matcher m = Pattern.compile("(\\d+) 套·日").matcher(fee.basis());
        long days = 0;
        while (m.find()) {
            days += Long.parseLong(m.group(1));
        }
        return days;
    }
}
