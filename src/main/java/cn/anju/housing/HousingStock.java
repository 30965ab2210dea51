package cn.anju.housing;

import cn.anju.audit.AuditLog;
import cn.anju.audit.AuditOutcome;
import cn.anju.identity.CurrentUser;
import cn.anju.identity.DataScope;
import cn.anju.identity.DataScopes;
import cn.anju.shared.Districts;
import cn.anju.shared.Role;
import cn.anju.shared.state.StateChange;
import cn.anju.shared.state.StateChanges;
import cn.anju.shared.web.ProblemException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Changes to the housing stock: registering projects (the district's housing officers, or the city bureau's
 * administrators) and moving a unit between states along {@link UnitStatus}'s table.
 */
@NamedInterface("api")
@Service
public class HousingStock {

    private final JdbcClient jdbc;
    private final DataScopes scopes;
    private final Districts districts;
    private final AuditLog audit;
    private final StateChanges changes;
    private final Clock clock;

    HousingStock(JdbcClient jdbc, DataScopes scopes, Districts districts, AuditLog audit, StateChanges changes, Clock clock) {
        this.jdbc = jdbc;
        this.scopes = scopes;
        this.districts = districts;
        this.audit = audit;
        this.changes = changes;
        this.clock = clock;
    }

    public record NewProject(String districtCode, String name, String address, Integer builtYear) {
    }

    @Transactional
    public long registerProject(CurrentUser actor, NewProject p) {
        if (!actor.hasAny(Role.GOV_ADMIN, Role.GOV_OFFICER)) {
            throw ProblemException.forbidden("GOVERNMENT_ONLY", "房源由政府住房保障部门登记。");
        }
        if (p.districtCode() == null || districts.find(p.districtCode()).isEmpty()) {
            throw ProblemException.badRequest("UNKNOWN_DISTRICT", "请选择本市的区县。");
        }
        DataScope scope = scopes.of(actor);
        if (!scope.coversDistrict(p.districtCode()) || (actor.organisationType().name().equals("CITY_BUREAU") && !actor.has(Role.GOV_ADMIN))) {
            throw ProblemException.forbidden("DISTRICT_NOT_YOURS", "只能登记本区县的项目。");
        }
        if (p.name() == null || p.name().isBlank() || p.address() == null || p.address().isBlank()) {
            throw ProblemException.badRequest("PROJECT_NAME_AND_ADDRESS_REQUIRED", "请填写项目名称和地址。");
        }
        if (p.builtYear() != null && (p.builtYear() < 1949 || p.builtYear() > 2100)) {
            throw ProblemException.badRequest("BUILT_YEAR_OUT_OF_RANGE", "建成年份应在1949年到2100年之间。");
        }
        boolean exists = jdbc.sql("select count(*) from project where district_code = ? and name = ?")
                .params(p.districtCode(), p.name().trim()).query(Long.class).single() > 0;
        if (exists) {
            throw ProblemException.conflict("PROJECT_NAME_TAKEN", "本区县已有同名项目：" + p.name().trim());
        }
        long id = jdbc.sql("insert into project (district_code, name, address, built_year, created_at) values (?, ?, ?, ?, ?) returning id")
                .params(p.districtCode(), p.name().trim(), p.address().trim(), p.builtYear(), Timestamp.from(clock.instant()))
                .query(Long.class).single();
        audit.record(HousingAudit.PROJECT_CREATE, "project", id, AuditOutcome.SUCCESS, Map.of("district", p.districtCode()));
        return id;
    }

    /** The district a project belongs to, if it exists. */
    public Optional<String> projectDistrict(long projectId) {
        return jdbc.sql("select district_code from project where id = ?").param(projectId).query(String.class).optional();
    }

    /** A district's projects by name (id → name), for modules that let a user pick some; the caller checks scope. */
    public Map<Long, String> projectsIn(String districtCode) {
        Map<Long, String> projects = new LinkedHashMap<>();
        jdbc.sql("select id, name from project where district_code = ? order by name").param(districtCode)
                .query((rs, n) -> projects.put(rs.getLong(1), rs.getString(2))).list();
        return projects;
    }

    /** Projects' names by id (those that exist). */
    public Map<Long, String> projectNames(Collection<Long> projectIds) {
        Map<Long, String> names = new LinkedHashMap<>();
        jdbc.sql("select id, name from project where id = any(?) order by name").param(projectIds.toArray(Long[]::new))
                .query((rs, n) -> names.put(rs.getLong(1), rs.getString(2))).list();
        return names;
    }

    /**
     * The units under management on each day of a span, by project and layout: every unit that was not offline that day.
     * A unit's state on a day is the one its last change before the day's end (in the city's zone) left it in; before its
     * first change, the state that change started from; a unit never changed has its state of today. (A unit's
     * registration day is not kept, so a unit counts from the start of the span.)
     */
    public Map<Long, Map<LocalDate, Map<String, Long>>> unitsByLayoutPerDay(Collection<Long> projectIds, LocalDate from, LocalDate to) {
        Map<Long, Map<LocalDate, Map<String, Long>>> units = new LinkedHashMap<>();
        jdbc.sql("""
                        select u.project_id, d::date, u.layout, count(*)
                          from unit u cross join generate_series(?::date, ?::date, interval '1 day') as days(d)
                         where u.project_id = any(?)
                           and coalesce((select c.to_status from unit_status_change c where c.unit_id = u.id
                                            and c.changed_at < ((d::date + 1)::timestamp at time zone ?) order by c.changed_at desc, c.id desc limit 1),
                                        (select c.from_status from unit_status_change c where c.unit_id = u.id order by c.changed_at, c.id limit 1),
                                        u.status) <> ?
                         group by 1, 2, 3""")
                .params(Date.valueOf(from), Date.valueOf(to), projectIds.toArray(Long[]::new), clock.getZone().getId(), UnitStatus.OFFLINE.name())
                .query((rs, n) -> units.computeIfAbsent(rs.getLong(1), k -> new LinkedHashMap<>())
                        .computeIfAbsent(rs.getDate(2).toLocalDate(), k -> new LinkedHashMap<>()).put(rs.getString(3), rs.getLong(4)))
                .list();
        return units;
    }

    /** Whether a building stands in a project (a patrol plan may name one). */
    public boolean buildingInProject(long buildingId, long projectId) {
        return jdbc.sql("select count(*) from building where id = ? and project_id = ?")
                .params(buildingId, projectId).query(Long.class).single() > 0;
    }

    /** The vacant units of a project, for a selection round's pool. */
    public List<Long> vacantUnits(String districtCode, long projectId) {
        return jdbc.sql("select id from unit where district_code = ? and project_id = ? and status = 'VACANT' order by id")
                .params(districtCode, projectId).query(Long.class).list();
    }

    /** Vacant units of a district as a form lists them ("沙河路公租房小区 1栋108 一室一厅"), at most {@code limit}. */
    public Map<Long, String> vacantUnitLabels(String districtCode, int limit) {
        Map<Long, String> labels = new LinkedHashMap<>();
        jdbc.sql("""
                        select u.id, p.name || ' ' || b.number || '栋' || u.number || ' ' || u.layout from unit u
                          join project p on p.id = u.project_id join building b on b.id = u.building_id
                         where u.district_code = ? and u.status = 'VACANT' order by p.name, b.number, u.floor, u.number limit ?""")
                .params(districtCode, limit)
                .query((rs, n) -> Map.entry(rs.getLong(1), rs.getString(2))).list()
                .forEach(e -> labels.put(e.getKey(), e.getValue()));
        return labels;
    }

    /**
     * Which of these units are still vacant, as a clerk reads them out in a selection ("1栋1001 两室一厅 58.10㎡"),
     * in the order of building, floor and number.
     */
    public Map<Long, String> vacantUnitsReadOut(Collection<Long> unitIds) {
        Map<Long, String> labels = new LinkedHashMap<>();
        jdbc.sql("""
                        select u.id, b.number || '栋' || u.number || ' ' || u.layout || ' ' || u.building_area || '㎡'
                          from unit u join building b on b.id = u.building_id
                         where u.id = any(?) and u.status = 'VACANT' order by b.number, u.floor, u.number""")
                .param(unitIds.toArray(Long[]::new))
                .query((rs, n) -> Map.entry(rs.getLong(1), rs.getString(2))).list()
                .forEach(e -> labels.put(e.getKey(), e.getValue()));
        return labels;
    }

    /**
     * Reserves a vacant unit for a household that chose it in a selection; false if someone else was faster (the
     * guarded update makes two simultaneous choices of one unit end with exactly one winner).
     */
    @Transactional
    public boolean reserveChosen(long unitId, long actorId, String reason) {
        int changed = jdbc.sql("update unit set status = 'RESERVED', version = version + 1 where id = ? and status = 'VACANT'")
                .param(unitId).update();
        if (changed == 1) {
            jdbc.sql("insert into unit_status_change (unit_id, from_status, to_status, reason, changed_by, changed_at) values (?, 'VACANT', 'RESERVED', ?, ?, ?)")
                    .params(unitId, reason, actorId, Timestamp.from(clock.instant())).update();
        }
        return changed == 1;
    }

    public record UnitState(long projectId, String districtCode, UnitStatus status) {
    }

    /** A unit as a contract names it. */
    public record UnitDescription(long id, String districtCode, String projectName, String address, String building,
                                  int floor, String number, String layout, BigDecimal buildingArea,
                                  BigDecimal usableArea, BigDecimal rentArea) {

        /** "1栋108": how the unit is named inside its project. */
        public String place() {
            return building + "栋" + number;
        }

        /** "沙河路公租房小区 1栋108": how lists and messages name the unit. */
        public String label() {
            return projectName + " " + place();
        }
    }

    public UnitDescription describe(long unitId) {
        UnitDescription unit = describeAll(List.of(unitId)).get(unitId);
        if (unit == null) {
            throw new IllegalStateException("unit " + unitId + " does not exist");
        }
        return unit;
    }

    /** Several units in one query, keyed by id (a page of leases, a batch of reminders). */
    public Map<Long, UnitDescription> describeAll(Collection<Long> unitIds) {
        return jdbc.sql("""
                        select u.id, u.district_code, p.name, p.address, b.number as building, u.floor, u.number, u.layout,
                               u.building_area, u.usable_area, u.rent_area
                          from unit u join project p on p.id = u.project_id join building b on b.id = u.building_id
                         where u.id = any(?)""")
                .param(unitIds.toArray(Long[]::new))
                .query((rs, n) -> new UnitDescription(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getInt(6), rs.getString(7), rs.getString(8), rs.getBigDecimal(9),
                        rs.getBigDecimal(10), rs.getBigDecimal(11)))
                .list().stream().collect(Collectors.toMap(UnitDescription::id, d -> d));
    }

    public Optional<UnitState> unit(long unitId) {
        return jdbc.sql("select project_id, district_code, status from unit where id = ?").param(unitId)
                .query((rs, n) -> new UnitState(rs.getLong(1), rs.getString(2), UnitStatus.valueOf(rs.getString(3)))).optional();
    }

    /** The lease module moves a unit along the table for its own events (move-in, a let that fell through). */
    @Transactional
    public void moveForLease(long unitId, UnitStatus from, UnitStatus to, long actorId, String reason) {
        Unit unit = find(unitId).orElseThrow(() -> ProblemException.notFound("UNIT_NOT_FOUND", "房源不存在。"));
        if (unit.status() != from) {
            throw ProblemException.conflict(StateChanges.CONCURRENT_CHANGE, "房源状态已变化，请刷新后重试。");
        }
        changes.apply(unit.becomes(to), c -> history(c, reason, actorId));
    }

    /** Moves a unit to another state if the table allows it; optimistic locking stops two clerks racing. */
    @Transactional
    public void changeUnitStatus(CurrentUser actor, long unitId, UnitStatus to, String reason) {
        if (!actor.hasAny(Role.GOV_ADMIN, Role.GOV_OFFICER, Role.OPERATOR_MANAGER)) {
            throw ProblemException.forbidden("UNIT_STATUS_FORBIDDEN", "只有政府经办人或承接主体负责人可以变更房源状态。");
        }
        if (reason == null || reason.isBlank()) {
            throw ProblemException.badRequest("REASON_REQUIRED", "请填写变更原因。");
        }
        Unit unit = find(unitId).filter(u -> scopes.of(actor).coversProject(u.district(), u.project()))
                .orElseThrow(() -> ProblemException.notFound("UNIT_NOT_FOUND", "房源不存在。"));
        changes.apply(unit.becomes(to), c -> {
            history(c, reason.trim(), actor.id());
            audit.record(HousingAudit.UNIT_STATUS_CHANGE, "unit", unitId, AuditOutcome.SUCCESS, Map.of("from", c.from().name(), "to", c.to().name()));
        });
    }

    private Optional<Unit> find(long unitId) {
        return jdbc.sql("select id, district_code, project_id, status, version from unit where id = ?").param(unitId)
                .query((rs, n) -> new Unit(rs.getLong(1), rs.getString(2), rs.getLong(3), UnitStatus.valueOf(rs.getString(4)), rs.getInt(5)))
                .optional();
    }

    /** The unit's own history of status changes, with who and why. */
    private void history(StateChange<UnitStatus> c, String reason, long actorId) {
        jdbc.sql("insert into unit_status_change (unit_id, from_status, to_status, reason, changed_by, changed_at) values (?, ?, ?, ?, ?, ?)")
                .params(c.id(), c.from().name(), c.to().name(), reason, actorId, Timestamp.from(clock.instant())).update();
    }
}
