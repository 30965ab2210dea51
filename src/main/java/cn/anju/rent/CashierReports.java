package cn.anju.rent;

import cn.anju.identity.CurrentUser;
import cn.anju.identity.DataScopes;
import cn.anju.identity.MeasureScopes;
import cn.anju.identity.ScopeFilter;
import cn.anju.shared.Role;
import cn.anju.shared.measure.MeasurePeriod;
import cn.anju.shared.measure.MeasureValue;
import cn.anju.shared.web.ProblemException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * The cashier's day (日结) and the collection rate (收缴率). The day's closing lists, per cashier and channel, what
 * was taken and reversed, to the fen, so the cash in the drawer can be counted against it. The collection rate of a
 * month is the measure {@code RENT_COLLECTION_RATE} over the month, with the bills still open behind it.
 */
@Service
public class CashierReports {

    private final JdbcClient jdbc;
    private final DataScopes scopes;
    private final RentLedger ledger;
    private final MeasureScopes measureScopes;
    private final RentMeasures.CollectionRate collectionRate;
    private final ZoneId zone;

    CashierReports(JdbcClient jdbc, DataScopes scopes, RentLedger ledger, MeasureScopes measureScopes,
                   RentMeasures.CollectionRate collectionRate, Clock clock) {
        this.zone = clock.getZone();
        this.jdbc = jdbc;
        this.scopes = scopes;
        this.ledger = ledger;
        this.measureScopes = measureScopes;
        this.collectionRate = collectionRate;
    }

    /** @param account RENT (remitted to the treasury) or CHARGES (the operator's own), kept on separate lines */
    public record ClosingLine(String cashier, String channel, String account, int payments, BigDecimal taken, int reversals, BigDecimal reversed,
                              BigDecimal net) {
    }

    /** A cashier sees their own lines; a manager everyone's in the operator's scope. */
    public List<ClosingLine> closing(CurrentUser user, LocalDate day) {
        if (!user.hasAny(Role.OPERATOR_MANAGER, Role.OPERATOR_STAFF)) {
            throw ProblemException.forbidden("CLOSING_OPERATOR_ONLY", "日结报表由承接主体收银员和负责人查看。");
        }
        ScopeFilter scope = scopes.filter(user, new ScopeFilter.Columns("p.district_code", "p.project_id", null));
        List<Object> params = new ArrayList<>(scope.params());
        params.add(Timestamp.from(day.atStartOfDay(zone).toInstant()));
        params.add(Timestamp.from(day.plusDays(1).atStartOfDay(zone).toInstant()));
        // a reversal counts on the day and line of the cashier who took the money it reverses
        String own = user.has(Role.OPERATOR_MANAGER) ? "" : " and coalesce(o.recorded_by, p.recorded_by) = ?";
        if (!own.isEmpty()) {
            params.add(user.id());
        }
        return jdbc.sql("""
                        select coalesce(u.display_name, '线上支付'), p.channel, p.account,
                               count(*) filter (where p.amount > 0), coalesce(sum(p.amount) filter (where p.amount > 0), 0),
                               count(*) filter (where p.amount < 0), coalesce(-sum(p.amount) filter (where p.amount < 0), 0),
                               sum(p.amount)
                          from payment p left join payment o on o.id = p.reverses_payment_id
                          left join staff_name u on u.user_id = coalesce(o.recorded_by, p.recorded_by)
                         where %s and p.received_at >= ? and p.received_at < ?%s
                         group by 1, 2, 3 order by 1, 3 desc, 2""".formatted(scope.sql(), own))
                .params(params)
                .query((rs, n) -> new ClosingLine(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getBigDecimal(5),
                        rs.getInt(6), rs.getBigDecimal(7), rs.getBigDecimal(8)))
                .list();
    }

    public record Rate(String districtCode, YearMonth month, BigDecimal due, BigDecimal collected, BigDecimal rate,
                       List<RentLedger.BillRow> unpaidBills) {
    }

    /** Collected ÷ due for the month's bills in scope (rate null when nothing was due), with the bills still open. */
    public Rate collectionRate(CurrentUser user, String districtCode, YearMonth month) {
        Treasury.requireReader(user);
        if (districtCode != null && !scopes.of(user).coversDistrict(districtCode)) {
            throw ProblemException.notFound("DISTRICT_NOT_IN_SCOPE", "没有该区县的数据，或不在您的数据范围内。");
        }
        ScopeFilter scope = scopes.filter(user, new ScopeFilter.Columns("b.district_code", "b.project_id", null));
        List<Object> params = new ArrayList<>(scope.params());
        params.addAll(List.of(Date.valueOf(month.atDay(1)), Date.valueOf(month.atEndOfMonth())));
        params.add(districtCode);
        params.add(districtCode);
        String where = scope.sql() + " and b.period_start between ? and ? and (?::text is null or b.district_code = ?)"
                + " and b.charge_type in ('RENT', 'RENT_MARKET')";
        MeasureValue v = collectionRate.compute(measureScopes.of(user, districtCode), new MeasurePeriod.Range(month.atDay(1), month.atEndOfMonth()));
        return new Rate(districtCode, month, v.denominator(), v.numerator(), v.ratio(),
                ledger.bills(where + " and b.outstanding > 0", params, 200, 0));
    }
}
