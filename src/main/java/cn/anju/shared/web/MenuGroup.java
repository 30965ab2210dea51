package cn.anju.shared.web;

/** The left menu's groups, in the order of the policy's service areas (UI.md "Frame"). */
public enum MenuGroup {
    HOUSING_AND_HOUSEHOLDS,  // 房源与住户
    MOVE_IN_AND_OUT,         // 入住与退出
    RENT_AND_USE,            // 租金与使用
    MAINTENANCE,             // 维修养护
    MANAGEMENT,              // 综合管理
    SUPERVISION,             // 监督与评价
    SYSTEM,                  // 系统管理
    PERSONAL;                // 个人中心

    public String messageKey() {
        return "menu.group." + name();
    }
}
