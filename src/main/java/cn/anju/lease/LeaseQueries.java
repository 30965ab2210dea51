package cn.anju.lease;

import cn.anju.household.HouseholdQueries;
import cn.anju.housing.HousingStock;
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

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Leases as clerks and tenants look them up, within scope (a tenant: its household's). */
@Service
public class LeaseQueries {

    private final JdbcClient jdbc;
    private final DataScopes scopes;
    private final Districts districts;
    private final HousingStock housing;
    private final HouseholdQueries households;

    LeaseQueries(JdbcClient jdbc, DataScopes scopes, Districts districts, HousingStock housing, HouseholdQueries households) {
        this.jdbc = jdbc;
        this.scopes = scopes;
        this.districts = districts;
        this.housing = housing;
        this.households = households;
    }

    /** {@code unit} reads "project building-number", {@code head} is the household head's masked name. */
    public record LeaseRow(long id, String leaseNumber, String districtName, long unitId, String unit, long householdId,
                           String head, String rentTier, BigDecimal monthlyRent, BigDecimal deposit, LocalDate startDate,
                           LocalDate endDate, LeaseStatus status) {
    }

    public PageResponse<LeaseRow> list(CurrentUser user, LeaseStatus status, PageQuery page) {
        return query(user, status, null, page);
    }

    public LeaseRow get(CurrentUser user, long id) {
        return query(user, null, id, PageQuery.of(1, 1)).items().stream().findFirst()
                .orElseThrow(() -> ProblemException.notFound("LEASE_NOT_FOUND", "租赁合同不存在。"));
    }

    private PageResponse<LeaseRow> query(CurrentUser user, LeaseStatus status, Long id, PageQuery page) {
        if (!user.hasAny(Role.GOV_ADMIN, Role.GOV_OFFICER, Role.OPERATOR_MANAGER, Role.OPERATOR_STAFF, Role.TENANT)) {
            throw ProblemException.forbidden("LEASES_FORBIDDEN", "您的角色不能查看租赁合同。");
        }
        ScopeFilter scope = scopes.filter(user, new ScopeFilter.Columns("l.district_code", "l.project_id", "l.household_id"));
        StringBuilder where = new StringBuilder(scope.sql());
        List<Object> params = new ArrayList<>(scope.params());
        if (status != null) {
            where.append(" and l.status = ?");
            params.add(status.name());
        }
        if (id != null) {
            where.append(" and l.id = ?");
            params.add(id);
        }
        long total = jdbc.sql("select count(*) from lease l where " + where).params(params).query(Long.class).single();
        List<Object> pageParams = new ArrayList<>(params);
        pageParams.add(page.size());
        pageParams.add(page.offset());
        List<LeaseRow> rows = jdbc.sql("select l.* from lease l where " + where + " order by l.id desc limit ? offset ?")
                .params(pageParams)
                .query((rs, n) -> new LeaseRow(rs.getLong("id"), rs.getString("lease_number"),
                        districts.nameOf(rs.getString("district_code")), rs.getLong("unit_id"), null, rs.getLong("household_id"),
                        null, rs.getString("rent_tier"), rs.getBigDecimal("monthly_rent"), rs.getBigDecimal("deposit"),
                        rs.getObject("start_date", LocalDate.class), rs.getObject("end_date", LocalDate.class),
                        LeaseStatus.valueOf(rs.getString("status"))))
                .list();
        return PageResponse.of(named(rows), page, total);
    }

    /** Units and heads of a whole page in two queries, through the owning modules' interfaces. */
    private List<LeaseRow> named(List<LeaseRow> rows) {
        if (rows.isEmpty()) {
            return rows;
        }
        Map<Long, HousingStock.UnitDescription> units = housing.describeAll(rows.stream().map(LeaseRow::unitId).toList());
        Map<Long, String> heads = households.maskedHeadNames(rows.stream().map(LeaseRow::householdId).toList());
        return rows.stream().map(l -> new LeaseRow(l.id(), l.leaseNumber(), l.districtName(), l.unitId(),
                units.get(l.unitId()).label(), l.householdId(), heads.getOrDefault(l.householdId(), ""), l.rentTier(),
                l.monthlyRent(), l.deposit(), l.startDate(), l.endDate(), l.status())).toList();
    }
}
