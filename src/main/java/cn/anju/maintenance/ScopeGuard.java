package cn.anju.maintenance;

import cn.anju.shared.policy.PolicySettings;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Component;

import java.util.Arrays;

/**
 * What the contract buys and what it does not (DOMAIN.md 2.3), decided on the structured work type alone, so no
 * wording of a request can slip construction work through: the district's lists say which types are refused
 * (construction works), which are the tenant's own, and which are the owner's duty inside a unit (referred to the
 * government as owner). Anything else on common parts and shared facilities is accepted.
 */
@NamedInterface("api")
@Component
public class ScopeGuard {

    public enum Outcome { ACCEPT, REFUSE, REFER }

    public record Verdict(Outcome outcome, String reason) {
    }

    private final PolicySettings settings;

    ScopeGuard(PolicySettings settings) {
        this.settings = settings;
    }

    public Verdict decide(WorkType type, Location location, String districtCode) {
        if (listed("maintenance.refused_work_types", type, districtCode)) {
            return new Verdict(Outcome.REFUSE, "不予受理：" + type.label() + "不属于政府购买的公租房运营服务内容（服务范围仅限公共部位和共用设施设备的日常维修养护，"
                    + "不含新建、改建、扩建、装饰装修、拆除和翻新工程）。如确需实施，请向住房保障部门申请立项。");
        }
        if (listed("maintenance.tenant_duty_work_types", type, districtCode)) {
            return new Verdict(Outcome.REFUSE, "不予受理：" + type.label() + "由承租人自行负责维修（见租赁合同）。运营单位可提供维修单位联系方式。");
        }
        if (listed("maintenance.owner_duty_work_types", type, districtCode)) {
            return new Verdict(Outcome.REFER, "已转交产权人：户内主体结构及原有设施的维修由产权人（住房保障部门）负责，运营单位已将本单转报政府。");
        }
        if (location == Location.IN_UNIT) {
            return new Verdict(Outcome.REFUSE, "不予受理：户内维修请选择承租人自行负责或产权人负责的维修类型；运营服务只包括公共部位和共用设施设备。");
        }
        return new Verdict(Outcome.ACCEPT, null);
    }

    public enum Location { COMMON, IN_UNIT }

    private boolean listed(String key, WorkType type, String districtCode) {
        return Arrays.stream(settings.value(key, districtCode).split(",")).map(String::trim).anyMatch(type.name()::equals);
    }
}
