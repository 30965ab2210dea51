package cn.anju.identity;

import cn.anju.notification.Channel;
import cn.anju.notification.RecipientDirectory;
import cn.anju.shared.privacy.EncryptedColumn;
import cn.anju.shared.privacy.FieldCipher;
import cn.anju.shared.web.ProblemException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * A staff member's own mobile and e-mail, where their one-time activation and reset codes go. Personal data:
 * encrypted at rest, decrypted only by the notification dispatcher at sending time, shown to nobody.
 */
@Component
class AccountContacts implements RecipientDirectory {

    static final String RECIPIENT_TYPE = "app_user";
    static final String PHONE = "app_user.contact_phone";
    static final String EMAIL = "app_user.contact_email";

    private final JdbcClient jdbc;
    private final FieldCipher cipher;

    AccountContacts(JdbcClient jdbc, FieldCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    record Sealed(String phone, String email, Channel channel) {
    }

    /** Checks and encrypts what the administrator typed; the code goes by SMS when there is a mobile. */
    Sealed seal(String mobile, String email, boolean emailAvailable) {
        String phone = mobile == null ? "" : mobile.replaceAll("[\\s-]", "");
        String mail = email == null ? "" : email.trim();
        if (phone.isEmpty() && mail.isEmpty()) {
            throw ProblemException.badRequest("CONTACT_REQUIRED", "请填写本人的手机号或电子邮箱：激活码只发给本人，不发给管理员。");
        }
        if (!phone.isEmpty() && !phone.matches("1[3-9][0-9]{9}")) {
            throw ProblemException.badRequest("MOBILE_FORMAT", "手机号应为11位数字，以1开头，例如 13800000000。");
        }
        if (!mail.isEmpty() && (mail.length() > 254 || !mail.matches("[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}"))) {
            throw ProblemException.badRequest("EMAIL_FORMAT", "电子邮箱格式不正确，例如 zhang.san@example.com。");
        }
        if (phone.isEmpty() && !emailAvailable) {
            throw ProblemException.badRequest("EMAIL_NOT_AVAILABLE", "本平台尚未配置邮件服务器，请填写本人的手机号。");
        }
        return new Sealed(phone.isEmpty() ? null : cipher.encrypt(phone, PHONE), mail.isEmpty() ? null : cipher.encrypt(mail, EMAIL),
                phone.isEmpty() ? Channel.EMAIL : Channel.SMS);
    }

    @Override
    public String recipientType() {
        return RECIPIENT_TYPE;
    }

    private record Stored(String phone, String email) {
    }

    private Optional<Stored> stored(long accountId) {
        return jdbc.sql("select contact_phone, contact_email from app_user where id = ?").param(accountId)
                .query((rs, n) -> new Stored(rs.getString(1), rs.getString(2))).optional();
    }

    @Override
    public Set<Channel> reachableBy(long accountId) {
        Set<Channel> channels = EnumSet.noneOf(Channel.class);
        stored(accountId).ifPresent(s -> {
            if (s.phone() != null) {
                channels.add(Channel.SMS);
            }
            if (s.email() != null) {
                channels.add(Channel.EMAIL);
            }
        });
        return channels;
    }

    @Override
    public Optional<String> address(long accountId, Channel channel) {
        return stored(accountId).map(s -> switch (channel) {
            case SMS -> cipher.decrypt(s.phone(), PHONE);
            case EMAIL -> cipher.decrypt(s.email(), EMAIL);
            case WECHAT -> null;
        });
    }

    /** So that key rotation re-encrypts these columns too. */
    @Configuration(proxyBeanMethods = false)
    static class Columns {

        @Bean
        EncryptedColumn accountContactPhone() {
            return new EncryptedColumn("app_user", "id", "contact_phone", PHONE);
        }

        @Bean
        EncryptedColumn accountContactEmail() {
            return new EncryptedColumn("app_user", "id", "contact_email", EMAIL);
        }

        @Bean
        EncryptedColumn accountTotpSecret() {
            return new EncryptedColumn("app_user", "id", "totp_secret", SecondFactor.PURPOSE);
        }
    }
}
