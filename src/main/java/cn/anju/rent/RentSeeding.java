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

    public record DueBill(long billId, long leaseId, String district, LocalDate periodStart, LocalDate dueDate, BigDecimal amount) {
    }

    /** Every bill due before the day, oldest first per lease. */
    public List<DueBill> dueBefore(LocalDate day) {
        return jdbc.sql("select id, lease_id, district_code, period_start, due_date, amount from bill where due_date < ? order by lease_id, due_date, id")
                .param(Date.valueOf(day))
                .query((rs, n) -> new DueBill(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getObject(4, LocalDate.class),
                        rs.getObject(5, LocalDate.class), rs.getBigDecimal(6)))
                .list();
    }

    /**
     * History: bills paid in full a few days before they fell due, at the counter or by transfer, each a payment
     * allocated to its bill (the counter itself records payments at the time they happen, which would charge
     * years-old bills late fees).
     */
    @Transactional
    public int paidOnTime(List<DueBill> bills, java.util.Map<String, Long> cashierByDistrict) {
        int n = 0;
        for (DueBill b : bills) {
            java.sql.Timestamp at = java.sql.Timestamp.from(b.dueDate().minusDays(3).atTime(10, 0).atZone(java.time.ZoneId.of("Asia/Shanghai")).toInstant());
            long seq = jdbc.sql("select nextval('receipt_seq')").query(Long.class).single();
            long payment = jdbc.sql("""
                            insert into payment (receipt_number, lease_id, household_id, district_code, project_id, channel, amount, reference,
                                                 received_at, recorded_by)
                            select ?, l.lease_id, l.household_id, l.district_code, l.project_id, ?, ?, '', ?, ?
                              from lease_billing_basis l where l.lease_id = ? returning id""")
                    .params("SJ" + b.district() + b.dueDate().minusDays(3).format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE)
                                    + String.format("%08d", seq), b.billId() % 3 == 0 ? "BANK_TRANSFER" : "CASH", b.amount(), at,
                            cashierByDistrict.get(b.district()), b.leaseId())
                    .query(Long.class).single();
            jdbc.sql("insert into payment_allocation (payment_id, lease_id, bill_id, amount, created_at) values (?, ?, ?, ?, ?)")
                    .params(payment, b.leaseId(), b.billId(), b.amount(), at).update();
            n++;
        }
        return n;
    }
}
