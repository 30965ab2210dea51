package cn.anju.inspection;

import org.springframework.modulith.NamedInterface;

/** The violations of Art. 27 and 29 a case can be about (DOMAIN.md 2.2). */
@NamedInterface("api")
public enum CaseType {
    SUBLET("转借、转租或擅自调换"),
    CHANGE_OF_USE("改变房屋用途"),
    DAMAGE("破坏或擅自装修房屋"),
    ILLEGAL_ACTIVITY("在房屋内从事违法活动"),
    IDLE("无正当理由连续6个月以上闲置"),
    ARREARS("累计拖欠租金6个月以上"),
    OTHER("其他违规行为");

    private final String label;

    CaseType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
