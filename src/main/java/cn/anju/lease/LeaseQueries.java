package cn.anju.lease;

import cn.anju.household.HouseholdQueries;
import cn.anju.housing.HousingStock;
import cn.anju.identity.CurrentUser;
import cn.anju.identity.DataScopes;
import cn.anju.identity.ScopeFilter;
import cn.anju.shared.Districts;
import cn.anju.shared.Role;
import cn.anju.shared.policy.PolicySettings;
import cn.anju.shared.state.States;
import cn.anju.shared.web.PageQuery;
import cn.anju.shared.web.PageResponse;
import cn.anju.shared.web.ProblemException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Leases as clerks and tenants look them up, within scope (a tenant: its household's). */
@NamedInterface("api")
@Service
public class LeaseQueries {

    private final JdbcClient jdbc;
    private final DataScopes scopes;
    private final Districts districts;
    private final HousingStock housing;
    private final HouseholdQueries households;
    private final PolicySettings settings;
    private final Clock clock;

    LeaseQueries(JdbcClient jdbc, DataScopes scopes, Districts districts, HousingStock housing, HouseholdQueries households,
                 PolicySettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.jdbc = jdbc;
        this.scopes = scopes;
        this.districts = districts;
        this.housing = housing;
        this.households = households;
    }

    /**
     * {@code unit} reads "project building-number", {@code head} is the household head's masked name; the dates
     * follow the lease's life: filing due and done, the day the household must have left, the day it did.
     */
    public record LeaseRow(long id, String leaseNumber, String districtName, long unitId, String unit, long householdId,
                           String head, String rentTier, BigDecimal monthlyRent, BigDecimal deposit, LocalDate startDate,
                           LocalDate endDate, LeaseStatus status, Long renewsLeaseId, int amendmentNo,
                           TerminationKind terminationKind, LocalDate signedOn, LocalDate filingDueOn, String filingNumber,
                           LocalDate filedOn, LocalDate vacateBy, LocalDate movedOutOn, LocalDate eligibilityLapseFlaggedOn) {

        LeaseRow named(String unitLabel, String headName) {
            return new LeaseRow(id, leaseNumber, districtName, unitId, unitLabel, householdId, headName, rentTier, monthlyRent,
                    deposit, startDate, endDate, status, renewsLeaseId, amendmentNo, terminationKind, signedOn, filingDueOn,
                    filingNumber, filedOn, vacateBy, movedOutOn, eligibilityLapseFlaggedOn);
        }
    }

    /** The work lists a clerk or an officer opens from the lease page. */
    public enum View {
        /** active, ending within the district's renewal-notice months, no renewal yet: the operator's renewal list */
        RENEWAL_DUE,
        /** signed, not yet filed, past the filing due day */
        FILING_OVERDUE,
        /** signed, not yet filed: submitted or to submit */
        FILING_PENDING,
        /** ended after move-in, not yet moved out (in the transition period or past it) */
        MOVE_OUT_DUE,
        /** active while the household's eligibility lapsed: flagged to the government */
        ELIGIBILITY_LAPSED
    }

    public PageResponse<LeaseRow> list(CurrentUser user, LeaseStatus status, PageQuery page) {
        return query(user, status, null, null, page);
    }

    public PageResponse<LeaseRow> list(CurrentUser user, LeaseStatus status, View view, PageQuery page) {
        return query(user, status, view, null, page);
    }

    /** A lease by its number, if the caller may see it (the counter looks leases up this way). */
    public Optional<LeaseRow> byNumber(CurrentUser user, String number) {
        if (number == null || number.isBlank()) {
            return Optional.empty();
        }
        return jdbc.sql("select id from lease where lease_number = ?").param(number.trim()).query(Long.class).optional()
                .flatMap(id -> {
                    try {
                        return Optional.of(get(user, id));
                    } catch (ProblemException e) {
                        return Optional.empty();
                    }
                });
    }

    public LeaseRow get(CurrentUser user, long id) {
        return query(user, null, null, id, PageQuery.of(1, 1)).items().stream().findFirst()
                .orElseThrow(() -> ProblemException.notFound("LEASE_NOT_FOUND", "租赁合同不存在。"));
    }

    private PageResponse<LeaseRow> query(CurrentUser user, LeaseStatus status, View view, Long id, PageQuery page) {
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
        if (view != null) {
            where.append(" and ").append(predicate(view, params));
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
                        LeaseStatus.valueOf(rs.getString("status")), (Long) rs.getObject("renews_lease_id"),
                        rs.getInt("amendment_no"),
                        rs.getString("termination_kind") == null ? null : TerminationKind.valueOf(rs.getString("termination_kind")),
                        rs.getObject("signed_on", LocalDate.class), rs.getObject("filing_due_on", LocalDate.class),
                        rs.getString("filing_number"), rs.getObject("filed_on", LocalDate.class),
                        rs.getObject("vacate_by", LocalDate.class), rs.getObject("moved_out_on", LocalDate.class),
                        rs.getObject("eligibility_lapse_flagged_on", LocalDate.class)))
                .list();
        return PageResponse.of(named(rows), page, total);
    }

    private String predicate(View view, List<Object> params) {
        LocalDate today = LocalDate.now(clock);
        return switch (view) {
            case RENEWAL_DUE -> {
                // each district's own notice months: one bound per district, read from policy once per query
                StringBuilder byDistrict = new StringBuilder("(false");
                for (Districts.District d : districts.all()) {
                    byDistrict.append(" or (l.district_code = ? and l.end_date < ?)");
                    params.add(d.code());
                    params.add(today.plusMonths(settings.integer("lease.renewal_notice_months", d.code())).plusDays(1));
                }
                yield "l.status = 'ACTIVE' and " + byDistrict + ")"
                        + " and not exists (select 1 from lease r where r.renews_lease_id = l.id and r.status <> 'TERMINATED')";
            }
            case FILING_OVERDUE -> {
                params.add(today);
                yield "l.signed_on is not null and l.filed_on is null and l.status <> 'TERMINATED' and l.filing_due_on < ?";
            }
            case FILING_PENDING -> "l.signed_on is not null and l.filed_on is null and l.status <> 'TERMINATED'";
            case MOVE_OUT_DUE -> {
                params.add(States.names(LeaseStatus.ENDED));
                yield "l.vacate_by is not null and l.moved_out_on is null and l.status = any(?)";
            }
            case ELIGIBILITY_LAPSED -> "l.status = 'ACTIVE' and l.eligibility_lapse_flagged_on is not null";
        };
    }

    /** Units and heads of a whole page in two queries, through the owning modules' interfaces. */
    private List<LeaseRow> named(List<LeaseRow> rows) {
        if (rows.isEmpty()) {
            return rows;
        }
        Map<Long, HousingStock.UnitDescription> units = housing.describeAll(rows.stream().map(LeaseRow::unitId).toList());
        Map<Long, String> heads = households.maskedHeadNames(rows.stream().map(LeaseRow::householdId).toList());
        return rows.stream().map(l -> l.named(units.get(l.unitId()).label(), heads.getOrDefault(l.householdId(), ""))).toList();
    }

    public record Event(String kind, String detail, String actor, OffsetDateTime at) {
    }

    /** A lease's own history, oldest first; the caller has already loaded the lease in scope. */
    public List<Event> events(long leaseId) {
        return jdbc.sql("""
                        select e.kind, e.detail, coalesce(u.display_name, '系统'), e.at
                          from lease_event e left join staff_name u on u.user_id = e.actor where e.lease_id = ? order by e.at, e.id""")
                .param(leaseId)
                .query((rs, n) -> new Event(rs.getString(1), rs.getString(2), rs.getString(3), rs.getObject(4, OffsetDateTime.class)))
                .list();
    }

    /** Vacant units of the lease's project, named, for a unit exchange (at most 100). */
    public Map<Long, String> exchangeCandidates(CurrentUser user, long leaseId) {
        LeaseRow l = get(user, leaseId);
        long project = jdbc.sql("select project_id from lease where id = ?").param(leaseId).query(Long.class).single();
        String district = jdbc.sql("select district_code from lease where id = ?").param(leaseId).query(String.class).single();
        List<Long> ids = housing.vacantUnits(district, project).stream().limit(100).toList();
        Map<Long, HousingStock.UnitDescription> units = housing.describeAll(ids);
        Map<Long, String> named = new LinkedHashMap<>();
        ids.forEach(id -> named.put(id, units.get(id).label()));
        named.remove(l.unitId());
        return named;
    }
}
