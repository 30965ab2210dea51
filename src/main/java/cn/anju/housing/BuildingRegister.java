package cn.anju.housing;

import cn.anju.audit.AuditLog;
import cn.anju.audit.AuditOutcome;
import cn.anju.identity.CurrentUser;
import cn.anju.identity.DataScopes;
import cn.anju.shared.Role;
import cn.anju.shared.web.ProblemException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Date;
import java.time.LocalDate;
import java.util.Map;

/**
 * The buildings (楼栋) of a registered project and their shared facilities (共用设施设备: elevators, fire equipment,
 * pumps…), which maintenance schedules and repairs. Like the project itself, registered by the government officers of
 * the project's district (or the city bureau's administrators); units then come by the unit import.
 */
@NamedInterface("actions")
@Service
public class BuildingRegister {

    /** The kinds of shared facility the register knows. */
    public enum FacilityKind { ELEVATOR, WATER_PUMP, WATER_TANK, FIRE_EQUIPMENT, LIGHTING, DRAINAGE, ACCESS_CONTROL, OTHER }

    public record NewBuilding(Long projectId, String number, Integer floors, boolean hasElevator) {
    }

    /** {@code buildingId} null for a facility of the whole project (a pump house, the estate's lighting). */
    public record NewFacility(Long projectId, Long buildingId, FacilityKind kind, String name, String location, String maker,
                              LocalDate installedOn, Integer inspectionCycleDays) {
    }

    private final JdbcClient jdbc;
    private final DataScopes scopes;
    private final AuditLog audit;

    BuildingRegister(JdbcClient jdbc, DataScopes scopes, AuditLog audit) {
        this.jdbc = jdbc;
        this.scopes = scopes;
        this.audit = audit;
    }

    @Transactional
    public long registerBuilding(CurrentUser actor, NewBuilding b) {
        String district = projectOfOfficer(actor, b == null ? null : b.projectId());
        if (b.number() == null || b.number().isBlank()) {
            throw ProblemException.badRequest("BUILDING_NUMBER_REQUIRED", "请填写楼栋号。");
        }
        if (b.floors() == null || b.floors() < 1 || b.floors() > 100) {
            throw ProblemException.badRequest("BUILDING_FLOORS_OUT_OF_RANGE", "楼层数应在1到100之间。");
        }
        try {
            long id = jdbc.sql("insert into building (project_id, district_code, number, floors, has_elevator) values (?, ?, ?, ?, ?) returning id")
                    .params(b.projectId(), district, b.number().trim(), b.floors(), b.hasElevator()).query(Long.class).single();
            audit.record(HousingAudit.BUILDING_CREATE, "building", id, AuditOutcome.SUCCESS, Map.of("project", b.projectId(), "number", b.number().trim()));
            return id;
        } catch (DuplicateKeyException e) {
            throw ProblemException.conflict("BUILDING_NUMBER_TAKEN", "该项目已有" + b.number().trim() + "栋。");
        }
    }

    @Transactional
    public long registerFacility(CurrentUser actor, NewFacility f) {
        String district = projectOfOfficer(actor, f == null ? null : f.projectId());
        if (f.kind() == null || f.name() == null || f.name().isBlank() || f.location() == null || f.location().isBlank()) {
            throw ProblemException.badRequest("FACILITY_INCOMPLETE", "请填写设施类型、名称和位置。");
        }
        if (f.inspectionCycleDays() == null || f.inspectionCycleDays() < 1 || f.inspectionCycleDays() > 3660) {
            throw ProblemException.badRequest("FACILITY_CYCLE_OUT_OF_RANGE", "检查周期应在1到3660天之间。");
        }
        if (f.buildingId() != null && jdbc.sql("select count(*) from building where id = ? and project_id = ?")
                .params(f.buildingId(), f.projectId()).query(Long.class).single() == 0) {
            throw ProblemException.badRequest("BUILDING_NOT_IN_PROJECT", "所选楼栋不属于该项目。");
        }
        long id = jdbc.sql("""
                        insert into shared_facility (project_id, building_id, district_code, kind, name, location, maker, installed_on,
                                                     inspection_cycle_days)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(f.projectId(), f.buildingId(), district, f.kind().name(), f.name().trim(), f.location().trim(),
                        f.maker() == null || f.maker().isBlank() ? null : f.maker().trim(),
                        f.installedOn() == null ? null : Date.valueOf(f.installedOn()), f.inspectionCycleDays())
                .query(Long.class).single();
        audit.record(HousingAudit.FACILITY_CREATE, "shared_facility", id, AuditOutcome.SUCCESS, Map.of("project", f.projectId(), "kind", f.kind().name()));
        return id;
    }

    /** The project's district, if the actor is one of the government officers who register its stock. */
    private String projectOfOfficer(CurrentUser actor, Long projectId) {
        if (!actor.hasAny(Role.GOV_ADMIN, Role.GOV_OFFICER)) {
            throw ProblemException.forbidden("GOVERNMENT_ONLY", "房源由政府住房保障部门登记。");
        }
        if (projectId == null) {
            throw ProblemException.badRequest("PROJECT_REQUIRED", "请选择项目。");
        }
        String district = jdbc.sql("select district_code from project where id = ?").param(projectId).query(String.class).optional()
                .orElseThrow(() -> ProblemException.notFound("PROJECT_NOT_FOUND", "项目不存在。"));
        boolean cityStaffNotAdmin = actor.organisationType().name().equals("CITY_BUREAU") && !actor.has(Role.GOV_ADMIN);
        if (!scopes.of(actor).coversDistrict(district) || cityStaffNotAdmin) {
            throw ProblemException.forbidden("DISTRICT_NOT_YOURS", "只能登记本区县项目的楼栋和设施。");
        }
        return district;
    }
}
