package cn.anju.identity;

import cn.anju.audit.AuditLog;
import cn.anju.audit.AuditOutcome;
import cn.anju.shared.Districts;
import cn.anju.shared.web.ProblemException;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.Map;

/** Registers organisations: the bureaus of the city and its districts, operators, third parties. */
@NamedInterface("actions")
@Service
public class OrganisationAdministration {

    private final Organisations organisations;
    private final Districts districts;
    private final AuditLog audit;
    private final Clock clock;

    OrganisationAdministration(Organisations organisations, Districts districts, AuditLog audit, Clock clock) {
        this.organisations = organisations;
        this.districts = districts;
        this.audit = audit;
        this.clock = clock;
    }

    public record NewOrganisation(String code, String name, OrganisationType type, String regionCode,
                                  String creditCode) {
    }

    @Transactional
    public Organisation create(CurrentUser actor, NewOrganisation command) {
        AccountAdministration.requireSystemAdmin(actor);
        Organisation created = register(command);
        audit.record(IdentityAudit.ORGANISATION_CREATE, "organisation", created.id(), AuditOutcome.SUCCESS, Map.of(
                "code", created.code(), "type", created.type().name(),
                "region", created.regionCode() == null ? "" : created.regionCode()));
        return created;
    }

    @Transactional
    Organisation register(NewOrganisation command) {
        String code = command.code() == null ? "" : command.code().trim().toUpperCase();
        if (!code.matches("[A-Z0-9_-]{2,40}")) {
            throw ProblemException.badRequest("INVALID_ORGANISATION_CODE", "组织编码须为2至40位大写字母、数字、下划线或连字符。");
        }
        if (command.name() == null || command.name().isBlank()) {
            throw ProblemException.badRequest("ORGANISATION_NAME_REQUIRED", "请填写组织名称。");
        }
        if (command.type() == null) {
            throw ProblemException.badRequest("ORGANISATION_TYPE_REQUIRED", "请选择组织类型。");
        }
        String region = command.type().hasRegion() ? command.regionCode() : null;
        if (command.type().hasRegion()) {
            boolean known = region != null && (region.equals(districts.cityCode()) || districts.find(region).isPresent());
            if (!known) {
                throw ProblemException.badRequest("UNKNOWN_REGION", "请选择本平台服务的市或区县（行政区划代码）。");
            }
            if (command.type() == OrganisationType.CITY_BUREAU != region.endsWith("00")) {
                throw ProblemException.badRequest("REGION_DOES_NOT_MATCH_TYPE", "市级机构填写市的代码，区县机构填写区县的代码。");
            }
        }
        if (organisations.findByCode(code).isPresent()) {
            throw ProblemException.conflict("ORGANISATION_CODE_TAKEN", "组织编码 " + code + " 已存在。");
        }
        return organisations.save(Organisation.create(code, command.name().trim(), command.type(), region,
                blankToNull(command.creditCode()), clock.instant()));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
