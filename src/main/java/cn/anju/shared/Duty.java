package cn.anju.shared;

/** Duty permissions of operator staff: 收银员, 巡查员, 维修工, 客服专员. */
public enum Duty {
    CASHIER,
    INSPECTOR,
    REPAIR_WORKER,
    /** 客服专员: takes and handles complaints and suggestions. */
    COMPLAINT_HANDLER;

    public String authority() {
        return "DUTY_" + name();
    }
}
