package cn.anju.household;

import cn.anju.identity.CurrentUser;
import cn.anju.identity.DataScopes;
import cn.anju.identity.ScopeFilter;
import cn.anju.shared.Districts;
import cn.anju.shared.Role;
import cn.anju.shared.web.PageQuery;
import cn.anju.shared.web.PageResponse;
import cn.anju.shared.web.ProblemException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * 年度复核: the decisions due for review — in force, and either ending within the review window or not looked at
 * for a year. The officer records the outcome in the household file: a new decision that follows this one
 * (continued, perhaps with another tier), or the decision revoked.
 */
@Service
public class AnnualReview {

    /** How far ahead of its end a decision comes up for review (renewal must be applied for 3 months before). */
    static final int WINDOW_DAYS = 120;

    private final JdbcClient jdbc;
    private final DataScopes scopes;
    private final Districts districts;
    private final Clock clock;

    AnnualReview(JdbcClient jdbc, DataScopes scopes, Districts districts, Clock clock) {
        this.jdbc = jdbc;
        this.scopes = scopes;
        this.districts = districts;
        this.clock = clock;
    }

    public record Due(long decisionId, long householdId, String districtName, String headName, String decisionNumber,
                      LocalDate decidedOn, LocalDate validTo, RentTier rentTier, String reason) {
    }

    public PageResponse<Due> due(CurrentUser user, PageQuery page) {
        if (!user.hasAny(Role.GOV_ADMIN, Role.GOV_OFFICER)) {
            throw ProblemException.forbidden("GOVERNMENT_ONLY", "年度复核由政府住房保障部门办理。");
        }
        ScopeFilter scope = scopes.filter(user, ScopeFilter.Columns.district("d.district_code"));
        LocalDate today = LocalDate.now(clock);
        String where = """
                d.status = 'VALID' and d.valid_to >= ? and (d.valid_to <= ? or d.decided_on <= ?)
                and not exists (select 1 from eligibility_decision n where n.follows_id = d.id)
                and %s""".formatted(scope.sql());
        List<Object> params = new ArrayList<>(List.of(Date.valueOf(today), Date.valueOf(today.plusDays(WINDOW_DAYS)),
                Date.valueOf(today.minusYears(1))));
        params.addAll(scope.params());
        long total = jdbc.sql("select count(*) from eligibility_decision d where " + where).params(params)
                .query(Long.class).single();
        List<Object> pageParams = new ArrayList<>(params);
        pageParams.add(page.size());
        pageParams.add(page.offset());
        List<Due> items = jdbc.sql("""
                        select d.id, d.household_id, d.district_code, m.name, d.decision_number, d.decided_on, d.valid_to, d.rent_tier
                          from eligibility_decision d
                          join household_member m on m.household_id = d.household_id and m.relationship = 'HEAD'
                         where %s order by d.valid_to, d.id limit ? offset ?""".formatted(where))
                .params(pageParams)
                .query((rs, n) -> {
                    LocalDate validTo = rs.getObject("valid_to", LocalDate.class);
                    return new Due(rs.getLong(1), rs.getLong(2), districts.nameOf(rs.getString(3)), rs.getString(4),
                            rs.getString(5), rs.getObject("decided_on", LocalDate.class), validTo,
                            RentTier.valueOf(rs.getString("rent_tier")),
                            validTo.isBefore(today.plusDays(WINDOW_DAYS + 1)) ? "即将到期，需办理续期复核" : "已满一年，需年度复核");
                })
                .list();
        return PageResponse.of(items, page, total);
    }
}
