package cn.anju.household;

import cn.anju.audit.AuditLog;
import cn.anju.audit.AuditOutcome;
import cn.anju.notification.Channel;
import cn.anju.notification.RecipientDirectory;
import cn.anju.shared.privacy.Masks;
import cn.anju.shared.web.ProblemException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Where a household member is reached: the phone on record (kept by the operator with the household file), and the
 * e-mail address and WeChat account the member gives on the tenant page. Addresses are decrypted only when a message
 * is sent.
 */
@Component
public class MemberContacts implements RecipientDirectory {

    private final JdbcClient jdbc;
    private final MemberIdentity identity;
    private final AuditLog audit;

    MemberContacts(JdbcClient jdbc, MemberIdentity identity, AuditLog audit) {
        this.jdbc = jdbc;
        this.identity = identity;
        this.audit = audit;
    }

    @Override
    public String recipientType() {
        return "household_member";
    }

    private record Stored(String phone, String email, String wechat) {
    }

    private Optional<Stored> stored(long memberId) {
        return jdbc.sql("select phone, email, wechat_openid from household_member where id = ?").param(memberId)
                .query((rs, n) -> new Stored(rs.getString(1), rs.getString(2), rs.getString(3))).optional();
    }

    @Override
    public Set<Channel> reachableBy(long memberId) {
        Set<Channel> channels = EnumSet.noneOf(Channel.class);
        stored(memberId).ifPresent(s -> {
            if (s.phone() != null) {
                channels.add(Channel.SMS);
            }
            if (s.email() != null) {
                channels.add(Channel.EMAIL);
            }
            if (s.wechat() != null) {
                channels.add(Channel.WECHAT);
            }
        });
        return channels;
    }

    @Override
    public Optional<String> address(long memberId, Channel channel) {
        return stored(memberId).map(s -> switch (channel) {
            case SMS -> identity.decryptPhone(s.phone());
            case EMAIL -> identity.decryptEmail(s.email());
            case WECHAT -> identity.decryptWeChat(s.wechat());
        });
    }

    /** What the member sees of its own contacts on the tenant page (its own data, shown whole). */
    public record Own(String phoneMasked, String email, String weChatOpenId) {
    }

    public Own own(long memberId) {
        Stored s = stored(memberId).orElseThrow(() -> ProblemException.notFound("MEMBER_NOT_FOUND", "未找到该家庭成员。"));
        String phone = identity.decryptPhone(s.phone());
        return new Own(phone == null ? "" : Masks.phone(phone), identity.decryptEmail(s.email()),
                identity.decryptWeChat(s.wechat()));
    }

    /**
     * The member's own e-mail address and WeChat account (the official account's "绑定账号" menu opens the tenant
     * page with the account filled in); blank removes one. Checked before anything is written; audited without the
     * values.
     */
    @Transactional
    public void change(long memberId, String email, String weChatOpenId) {
        String e = email == null || email.isBlank() ? null : email.trim();
        String w = weChatOpenId == null || weChatOpenId.isBlank() ? null : weChatOpenId.trim();
        if (e != null && (e.length() > 254 || !e.matches("[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}"))) {
            throw ProblemException.badRequest("EMAIL_FORMAT", "电子邮箱格式不正确，例如 zhang.san@example.com。");
        }
        if (w != null && !w.matches("[A-Za-z0-9_-]{16,64}")) {
            throw ProblemException.badRequest("WECHAT_OPENID_FORMAT", "微信账号标识不正确，请从公众号“绑定账号”菜单进入本页。");
        }
        int updated = jdbc.sql("update household_member set email = ?, wechat_openid = ? where id = ?")
                .params(identity.sealEmail(e), identity.sealWeChat(w), memberId).update();
        if (updated == 0) {
            throw ProblemException.notFound("MEMBER_NOT_FOUND", "未找到该家庭成员。");
        }
        audit.record(HouseholdAudit.HOUSEHOLD_MEMBER_CONTACTS, "household_member", memberId, AuditOutcome.SUCCESS,
                Map.of("email", e != null, "wechat", w != null));
    }
}
