package cn.anju.contract;

import org.springframework.modulith.NamedInterface;

/** The seed's four areas of service a district may buy (三(二) 1-4). */
@NamedInterface("api")
public enum ServiceItem {
    MOVE_IN_OUT("入住和退出管理"),
    RENT_AND_USE("租金收缴和房屋使用管理"),
    MAINTENANCE("维修养护"),
    GENERAL("综合管理");

    private final String label;

    ServiceItem(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
