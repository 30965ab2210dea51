package cn.anju.allocation;

import cn.anju.audit.AuditLog;
import cn.anju.audit.AuditOutcome;
import cn.anju.household.HouseholdQueries;
import cn.anju.household.Waitlist;
import cn.anju.housing.HousingStock;
import cn.anju.housing.UnitStatus;
import cn.anju.identity.CurrentUser;
import cn.anju.identity.DataScopes;
import cn.anju.identity.ScopeFilter;
import cn.anju.shared.Role;
import cn.anju.shared.events.ResidentEvent;
import cn.anju.shared.web.ProblemException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Direct allocation (直接配租): outside a selection round, a government officer of the district reserves a vacant unit
 * for a waiting household (eligibility in force, no home yet), with the reason, audited; the lease is drafted from
 * it like from a choice. The operator cannot allocate: it only drafts the lease once the government has.
 */
@NamedInterface("api")
@Service
public class DirectAllocations {

    private final JdbcClient jdbc;
    private final Waitlist waitlist;
    private final HouseholdQueries households;
    private final HousingStock housing;
    private final DataScopes scopes;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    DirectAllocations(JdbcClient jdbc, Waitlist waitlist, HouseholdQueries households, HousingStock housing, DataScopes scopes, AuditLog audit,
                      ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.waitlist = waitlist;
        this.households = households;
        this.housing = housing;
        this.scopes = scopes;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    public record NewAllocation(Long householdId, Long unitId, String reason) {
    }

    @Transactional
    public long allocate(CurrentUser actor, NewAllocation a) {
        String district = actor.regionCode();
        SelectionRounds.requireDistrictOfficer(actor, district);
        if (a == null || a.householdId() == null || a.unitId() == null || a.reason() == null || a.reason().isBlank()) {
            throw ProblemException.badRequest("ALLOCATION_INCOMPLETE", "请填写家庭、房源和直接配租的理由（如政策依据、审批文号）。");
        }
        if (!waitlist.isWaiting(district, a.householdId())) {
            throw ProblemException.unprocessable("NOT_WAITING", "该家庭不在本区县轮候：须有有效的保障资格且尚未配租。");
        }
        HousingStock.UnitState unit = housing.unit(a.unitId())
                .filter(u -> u.districtCode().equals(district))
                .orElseThrow(() -> ProblemException.badRequest("UNIT_NOT_IN_DISTRICT", "房源不存在或不在本区县。"));
        if (unit.status() != UnitStatus.VACANT || !housing.reserveChosen(a.unitId(), actor.id(), "直接配租")) {
            throw ProblemException.conflict("UNIT_NOT_VACANT", "该房源不是空置状态，不能配租。");
        }
        long id;
        try {
            id = jdbc.sql("""
                            insert into direct_allocation (district_code, household_id, unit_id, reason, status, approved_by, approved_at)
                            values (?, ?, ?, ?, 'RESERVED', ?, ?) returning id""")
                    .params(district, a.householdId(), a.unitId(), a.reason().trim(), actor.id(), Timestamp.from(clock.instant()))
                    .query(Long.class).single();
        } catch (DuplicateKeyException e) {
            throw ProblemException.conflict("ALLOCATION_OPEN", "该家庭已有一套直接配租预留的房源，请先签约或取消。");
        }
        events.publishEvent(new ResidentEvent(a.householdId(), "DIRECT_ALLOCATION", "直接配租：" + housing.describe(a.unitId()).label(),
                a.reason().trim(), "direct_allocation", id, actor.id(), clock.instant()));
        audit.record(AllocationAudit.DIRECT_ALLOCATION, "direct_allocation", id, AuditOutcome.SUCCESS,
                Map.of("household", a.householdId(), "unit", a.unitId()));
        return id;
    }

    /** What a lease is drafted from: the household, the reserved unit, the district. */
    public record Allocated(long householdId, long unitId, String districtCode) {
    }

    public Optional<Allocated> reserved(long allocationId) {
        return jdbc.sql("select household_id, unit_id, district_code from direct_allocation where id = ? and status = 'RESERVED'")
                .param(allocationId)
                .query((rs, n) -> new Allocated(rs.getLong(1), rs.getLong(2), rs.getString(3))).optional();
    }

    /** Called in the lease's transaction when the lease is drafted. */
    public void markLeased(long allocationId) {
        jdbc.sql("update direct_allocation set status = 'LEASED', version = version + 1 where id = ? and status = 'RESERVED'")
                .param(allocationId).update();
    }

    public record Row(long id, String districtCode, long householdId, String head, String unit, String reason, String status,
                      String approvedBy, OffsetDateTime approvedAt) {
    }

    public List<Row> list(CurrentUser user) {
        if (!user.hasAny(Role.GOV_ADMIN, Role.GOV_OFFICER, Role.OPERATOR_MANAGER,
                Role.OPERATOR_STAFF)) {
            throw ProblemException.forbidden("ALLOCATIONS_FORBIDDEN", "直接配租记录由住房保障部门和承接主体查看。");
        }
        ScopeFilter scope = scopes.filter(user, new ScopeFilter.Columns("a.district_code", "u.project_id", "a.household_id"));
        record Stored(long id, String district, long household, long unit, String reason, String status, String by, OffsetDateTime at) {
        }
        List<Stored> rows = jdbc.sql("""
                        select a.id, a.district_code, a.household_id, a.unit_id, a.reason, a.status, p.display_name, a.approved_at
                          from direct_allocation a join unit_label u on u.unit_id = a.unit_id join staff_name p on p.user_id = a.approved_by
                         where %s order by a.approved_at desc limit 200""".formatted(scope.sql()))
                .params(scope.params())
                .query((rs, n) -> new Stored(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getString(5),
                        rs.getString(6), rs.getString(7), rs.getObject(8, OffsetDateTime.class)))
                .list();
        Map<Long, HousingStock.UnitDescription> units = housing.describeAll(rows.stream().map(Stored::unit).toList());
        Map<Long, String> heads = households.maskedHeadNames(rows.stream().map(Stored::household).toList());
        return rows.stream().map(r -> new Row(r.id(), r.district(), r.household(), heads.getOrDefault(r.household(), ""),
                units.get(r.unit()).label(), r.reason(),
                r.status(), r.by(), r.at())).toList();
    }
}
