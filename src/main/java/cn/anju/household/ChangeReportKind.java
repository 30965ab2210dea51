package cn.anju.household;

import org.springframework.modulith.NamedInterface;

/** What an operator observed: 成员迁出, 成员迁入, 收入增加, 购买住房, 联系方式变更, 其他. */
@NamedInterface("api")
public enum ChangeReportKind {
    MEMBER_MOVED_OUT, MEMBER_MOVED_IN, INCOME_ROSE, BOUGHT_HOUSE, CONTACT_CHANGED, OTHER
}
