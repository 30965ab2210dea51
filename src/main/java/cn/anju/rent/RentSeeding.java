package cn.anju.rent;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.sql.Date;

import java.time.LocalDate;
import java.util.List;

/** Bulk steps for the demo city that have no counter equivalent (deposits taken years ago) and what it asks. */
@Service
public class RentSeeding {

    private final JdbcClient jdbc;

    RentSeeding(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public boolean hasBills() {
        return jdbc.sql("select exists (select 1 from bill)").query(Boolean.class).single();
    }

    /** Every billed lease's contract deposit, received at its start. */
    @Transactional
    public int depositsReceived() {
        return jdbc.sql("""
                        insert into deposit_entry (lease_id, kind, amount, note, at)
                        select b.lease_id, 'RECEIVED', b.deposit, '签约时收取', b.start_date::timestamptz
                          from lease_billing_basis b where b.deposit > 0
                           and not exists (select 1 from deposit_entry d where d.lease_id = b.lease_id)""")
                .update();
    }

    public record Owing(long leaseId, String district, BigDecimal total, BigDecimal withoutLastTwoMonths) {
    }

    /** Per lease, what its bills due before the day add up to, and the same without the last two months' bills. */
    public List<Owing> owingBefore(LocalDate day) {
        return jdbc.sql("""
                        select b.lease_id, min(b.district_code), sum(b.amount),
                               coalesce(sum(b.amount) filter (where b.period_start < ?::date - interval '2 months'), 0)
                          from bill b where b.due_date < ? group by b.lease_id order by b.lease_id""")
                .params(Date.valueOf(day), Date.valueOf(day))
                .query((rs, n) -> new Owing(rs.getLong(1), rs.getString(2), rs.getBigDecimal(3), rs.getBigDecimal(4)))
                .list();
    }

}
