package cn.anju.rent;

import cn.anju.contract.HandoverSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Money an ended contract leaves: deposits held for leases in its projects (they pass to whoever keeps the leases) and
 * rent collected there not yet confirmed at the treasury (the outgoing operator still remits it during its wind-down).
 */
@Component
class RentHandover implements HandoverSource {

    /** The deposit entry that adds to what is held (refunds and deductions take from it), as {@code Deposits} writes it. */
    private static final String RECEIVED = "RECEIVED";

    private final JdbcClient jdbc;

    RentHandover(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Line> open(Place place) {
        record Held(long lease, BigDecimal amount) {
        }
        List<Held> deposits = jdbc.sql("""
                        select d.lease_id, sum(case when d.kind = ? then d.amount else -d.amount end)
                          from deposit_entry d join lease_billing_basis l on l.lease_id = d.lease_id
                         where l.district_code = ? and (? or l.project_id = any(?))
                         group by d.lease_id having sum(case when d.kind = ? then d.amount else -d.amount end) > 0 order by 1""")
                .params(RECEIVED, place.districtCode(), place.wholeDistrict(), place.projects(), RECEIVED)
                .query((rs, n) -> new Held(rs.getLong(1), rs.getBigDecimal(2))).list();
        record Unremitted(long payment, BigDecimal amount) {
        }
        List<Unremitted> rent = jdbc.sql("""
                        select p.id, p.amount from payment p
                         where p.account = ? and p.district_code = ? and (? or p.project_id = any(?))
                           and not exists (select 1 from remittance_item i join remittance_batch b on b.id = i.batch_id
                                            where i.payment_id = p.id and b.status = ?)
                         order by p.id""")
                .params(BillAccount.RENT.name(), place.districtCode(), place.wholeDistrict(), place.projects(), RemittanceStatus.CONFIRMED.name())
                .query((rs, n) -> new Unremitted(rs.getLong(1), rs.getBigDecimal(2))).list();
        List<Line> lines = new ArrayList<>();
        lines.add(new Line("DEPOSITS_HELD", "代收的押金（按合同）", deposits.size(),
                fen(deposits.stream().map(Held::amount).reduce(BigDecimal.ZERO, BigDecimal::add)), deposits.stream().map(Held::lease).toList()));
        lines.add(new Line("RENT_NOT_REMITTED", "尚未上缴国库的租金（按收款）", rent.size(),
                fen(rent.stream().map(Unremitted::amount).reduce(BigDecimal.ZERO, BigDecimal::add)), rent.stream().map(Unremitted::payment).toList()));
        return lines;
    }

    private static long fen(BigDecimal yuan) {
        return yuan.movePointRight(2).longValueExact();
    }
}
