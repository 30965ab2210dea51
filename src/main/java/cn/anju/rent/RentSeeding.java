package cn.anju.rent;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/** Bulk steps for the demo city that have no counter equivalent (deposits taken years ago) and what it asks. */
@NamedInterface("api")
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
    public int paidOnTime(List<DueBill> bills, Map<String, Long> cashierByDistrict) {
        int n = 0;
        for (DueBill b : bills) {
            Timestamp at = Timestamp.from(b.dueDate().minusDays(3).atTime(10, 0).atZone(ZoneId.of("Asia/Shanghai")).toInstant());
            long seq = jdbc.sql("select nextval('receipt_seq')").query(Long.class).single();
            long payment = jdbc.sql("""
                            insert into payment (receipt_number, lease_id, household_id, district_code, project_id, channel, amount, reference,
                                                 received_at, recorded_by)
                            select ?, l.lease_id, l.household_id, l.district_code, l.project_id, ?, ?, '', ?, ?
                              from lease_billing_basis l where l.lease_id = ? returning id""")
                    .params("SJ" + b.district() + b.dueDate().minusDays(3).format(DateTimeFormatter.BASIC_ISO_DATE)
                                    + String.format("%08d", seq), b.billId() % 3 == 0 ? "BANK_TRANSFER" : "CASH", b.amount(), at,
                            cashierByDistrict.get(b.district()), b.leaseId())
                    .query(Long.class).single();
            jdbc.sql("insert into payment_allocation (payment_id, lease_id, bill_id, amount, created_at) values (?, ?, ?, ?, ?)")
                    .params(payment, b.leaseId(), b.billId(), b.amount(), at).update();
            n++;
        }
        return n;
    }

    /**
     * History of remittances: per district and month, the month's payments in one batch confirmed by finance around
     * the 5th of the next month; the last month's batch submitted and awaiting finance; this month's money held.
     */
    @Transactional
    public int remittedHistory(Map<String, Long> operatorByDistrict, Map<String, Long> managerByDistrict,
                               Map<String, Long> financeByDistrict, LocalDate today) {
        record Month(String district, LocalDate month) {
        }
        List<Month> months = jdbc.sql("""
                        select district_code, date_trunc('month', received_at at time zone 'Asia/Shanghai')::date from payment
                         where received_at < date_trunc('month', ?::date) group by 1, 2 order by 1, 2""")
                .param(Date.valueOf(today)).query((rs, n) -> new Month(rs.getString(1), rs.getObject(2, LocalDate.class))).list();
        int batches = 0;
        for (Month m : months) {
            if (!operatorByDistrict.containsKey(m.district())) {
                continue;
            }
            LocalDate next = m.month().plusMonths(1);
            boolean lastMonth = !next.isBefore(today.withDayOfMonth(1));
            Timestamp submitted = Timestamp.from(next.withDayOfMonth(3).atTime(10, 0).atZone(ZoneId.of("Asia/Shanghai")).toInstant());
            long id = jdbc.sql("""
                            insert into remittance_batch (operator_id, district_code, up_to, amount, payments, status, created_by, created_at,
                                                          treasury_receipt_no, treasury_date, confirmed_by, confirmed_at)
                            select ?, ?, ?, coalesce(sum(amount), 0), count(*), ?, ?, ?, ?, ?, ?, ?
                              from payment where district_code = ? and received_at >= (?::date)::timestamptz and received_at < (?::date)::timestamptz
                            returning id""")
                    .params(operatorByDistrict.get(m.district()), m.district(), Date.valueOf(next.minusDays(1)),
                            lastMonth ? "SUBMITTED" : "CONFIRMED", managerByDistrict.get(m.district()), submitted,
                            lastMonth ? null : "GK" + m.district() + m.month().toString().substring(0, 7).replace("-", ""),
                            lastMonth ? null : Date.valueOf(next.withDayOfMonth(6)), lastMonth ? null : financeByDistrict.get(m.district()),
                            lastMonth ? null : Timestamp.from(next.withDayOfMonth(6).atTime(15, 0).atZone(ZoneId.of("Asia/Shanghai")).toInstant()),
                            m.district(), Date.valueOf(m.month()), Date.valueOf(next))
                    .query(Long.class).single();
            jdbc.sql("""
                            insert into remittance_item (batch_id, payment_id)
                            select ?, id from payment where district_code = ? and received_at >= (?::date)::timestamptz and received_at < (?::date)::timestamptz""")
                    .params(id, m.district(), Date.valueOf(m.month()), Date.valueOf(next)).update();
            batches++;
        }
        return batches;
    }
}
