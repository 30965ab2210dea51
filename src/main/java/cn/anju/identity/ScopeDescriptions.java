package cn.anju.identity;

import cn.anju.shared.Districts;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Component;

import java.util.stream.Collectors;

/** A data scope in words, for pages: "榆林市全部12个区县", "榆阳区", "承接范围：榆阳区、横山区". */
@NamedInterface("api")
@Component("scopeText")
public class ScopeDescriptions {

    private final Districts districts;

    ScopeDescriptions(Districts districts) {
        this.districts = districts;
    }

    public String describe(DataScope scope) {
        return switch (scope) {
            case DataScope.City c -> districts.nameOf(c.cityCode()) + "全部 " + c.districtCodes().size() + " 个区县";
            case DataScope.District d -> districts.nameOf(d.districtCode());
            case DataScope.Operator o -> o.wholeDistricts().isEmpty() && o.projectIds().isEmpty()
                    ? "当前无有效的服务范围"
                    : "承接范围：" + districts.all().stream()
                    .filter(d -> o.wholeDistricts().contains(d.code()))
                    .map(Districts.District::name).collect(Collectors.joining("、"))
                    + (o.projectIds().isEmpty() ? "" : "（另有 " + o.projectIds().size() + " 个项目）");
            case DataScope.Evaluator e -> e.wholeDistricts().isEmpty() && e.projectIds().isEmpty()
                    ? "当前无有效的测评委托"
                    : "受托测评：" + districts.all().stream()
                    .filter(d -> e.wholeDistricts().contains(d.code()) || e.projectDistricts().contains(d.code()))
                    .map(Districts.District::name).collect(Collectors.joining("、"))
                    + (e.projectIds().isEmpty() ? "" : "（含 " + e.projectIds().size() + " 个单独项目）");
            case DataScope.Household h -> "本户";
            case DataScope.None n -> "不接触业务数据";
        };
    }
}
