package cn.anju.rent;

import cn.anju.audit.AuditLog;
import cn.anju.audit.AuditOutcome;
import cn.anju.housing.HousingStock;
import cn.anju.identity.CurrentUser;
import cn.anju.identity.DataScopes;
import cn.anju.identity.OrganisationType;
import cn.anju.identity.ScopeFilter;
import cn.anju.shared.Money;
import cn.anju.shared.Role;
import cn.anju.shared.web.ProblemException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * Rent standards (租金标准): yuan per m² of rent area per month, per project, effective from a date, approved by a
 * government officer of the project's district. STANDARD is what leases pay (less their tier's reduction); MARKET
 * is what the market tier and households past their transition period pay. A standard is never changed: a new one
 * takes effect from its date.
 */
@NamedInterface("api")
@Service
public class RentStandards {

    public enum Kind { STANDARD, MARKET }

    public record NewStandard(Long projectId, Kind kind, BigDecimal yuanPerSqm, LocalDate effectiveFrom, String reason) {
    }

    public record Standard(long id, long projectId, String districtCode, Kind kind, BigDecimal yuanPerSqm,
                           LocalDate effectiveFrom, String approvedBy, OffsetDateTime approvedAt, String reason) {
    }

    private final JdbcClient jdbc;
    private final HousingStock housing;
    private final DataScopes scopes;
    private final AuditLog audit;
    private final Clock clock;

    RentStandards(JdbcClient jdbc, HousingStock housing, DataScopes scopes, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.housing = housing;
        this.scopes = scopes;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public long approve(CurrentUser actor, NewStandard s) {
        if (s == null || s.projectId() == null) {
            throw ProblemException.badRequest("STANDARD_PROJECT_REQUIRED", "请选择项目。");
        }
        String district = housing.projectDistrict(s.projectId())
                .orElseThrow(() -> ProblemException.badRequest("STANDARD_PROJECT_REQUIRED", "项目不存在。"));
        if (!(actor.hasAny(Role.GOV_ADMIN, Role.GOV_OFFICER) && actor.organisationType() == OrganisationType.DISTRICT_HOUSING
                && district.equals(actor.regionCode()))) {
            throw ProblemException.forbidden("STANDARD_GOVERNMENT_ONLY", "租金标准由项目所在区县住房保障部门核定。");
        }
        if (s.kind() == null || !Money.isAmount(s.yuanPerSqm(), Money.Sign.POSITIVE)
                || s.yuanPerSqm().compareTo(new BigDecimal("200")) > 0) {
            throw ProblemException.badRequest("STANDARD_INVALID", "请选择标准类型，并填写每平方米月租金（大于0、不超过200元，最多两位小数）。");
        }
        if (s.effectiveFrom() == null || s.reason() == null || s.reason().isBlank()) {
            throw ProblemException.badRequest("STANDARD_INVALID", "请填写生效日期和核定依据（文号）。");
        }
        try {
            long id = jdbc.sql("""
                            insert into rent_standard (project_id, district_code, kind, yuan_per_sqm, effective_from, approved_by,
                                                       approved_at, reason)
                            values (?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                    .params(s.projectId(), district, s.kind().name(), s.yuanPerSqm(), Date.valueOf(s.effectiveFrom()), actor.id(),
                            Timestamp.from(clock.instant()), s.reason().trim())
                    .query(Long.class).single();
            audit.record(RentAudit.RENT_STANDARD_APPROVE, "rent_standard", id, AuditOutcome.SUCCESS,
                    Map.of("project", s.projectId(), "kind", s.kind().name(), "yuanPerSqm", s.yuanPerSqm().toPlainString(),
                            "from", s.effectiveFrom().toString()));
            return id;
        } catch (DuplicateKeyException e) {
            throw ProblemException.conflict("STANDARD_EXISTS", "该项目该类型在此日期已有租金标准；新标准请另定生效日期。");
        }
    }

    public List<Standard> list(CurrentUser user) {
        ScopeFilter scope = scopes.filter(user, new ScopeFilter.Columns("s.district_code", "s.project_id", null));
        return where(scope.sql(), scope.params());
    }

    /**
     * Every standard ever approved, in every district, whoever asks: each version is public information (the
     * disclosure publishes it); who approved it is the caller's to leave out.
     */
    public List<Standard> all() {
        return where("true", List.of());
    }

    private List<Standard> where(String condition, List<?> params) {
        return jdbc.sql("""
                        select s.id, s.project_id, s.district_code, s.kind, s.yuan_per_sqm, s.effective_from, coalesce(u.display_name, '系统'),
                               s.approved_at, s.reason
                          from rent_standard s left join staff_name u on u.user_id = s.approved_by
                         where %s order by s.project_id, s.kind, s.effective_from desc""".formatted(condition))
                .params(params)
                .query((rs, n) -> new Standard(rs.getLong(1), rs.getLong(2), rs.getString(3), Kind.valueOf(rs.getString(4)),
                        rs.getBigDecimal(5), rs.getObject(6, LocalDate.class), rs.getString(7),
                        rs.getObject(8, OffsetDateTime.class), rs.getString(9)))
                .list();
    }
}
