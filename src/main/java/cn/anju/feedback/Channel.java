package cn.anju.feedback;

import org.springframework.modulith.NamedInterface;

/** Where a case came from. The first three are taken by the operator's own staff; the rest come from outside. */
@NamedInterface("actions")
public enum Channel {
    HOTLINE("服务热线"), COUNTER("服务窗口"), WEB("网上（手机）"), WECHAT("微信公众号"), WEIBO("微博"), EMAIL("电子邮件"),
    CITY_12345("12345热线转办");

    private final String label;

    Channel(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Taken by the operator's staff in person or on the phone: an unmatched case waits in that operator's own queue. */
    public boolean takenByStaff() {
        return this == HOTLINE || this == COUNTER;
    }
}
