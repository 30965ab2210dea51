package cn.anju.maintenance;

import org.springframework.modulith.NamedInterface;

/**
 * What kind of work an order asks for, chosen from this list (never read from the description): the scope guard
 * decides on it. Which types are refused, left to the tenant or referred to the owner is configuration
 * ({@code maintenance.*_work_types}).
 */
@NamedInterface("api")
public enum WorkType {
    REPAIR("公共部位及共用设施维修"),
    SERVICING("共用设施设备保养"),
    NEW_CONSTRUCTION("新建工程"),
    ALTERATION("改建工程"),
    EXTENSION("扩建工程"),
    DECORATION("装饰装修工程"),
    DEMOLITION("拆除工程"),
    RENOVATION("翻新工程"),
    TENANT_DUTY("户内承租人自行负责的维修（自用部位、自行添置设施、人为损坏）"),
    OWNER_DUTY("户内产权人负责的维修（主体结构、原有设施）");

    private final String label;

    WorkType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
