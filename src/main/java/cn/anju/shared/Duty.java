package cn.anju.shared;

/** Duty permissions of operator staff: 收银员, 巡查员, 维修工. */
public enum Duty {
    CASHIER,
    INSPECTOR,
    REPAIR_WORKER;

    public String authority() {
        return "DUTY_" + name();
    }
}
