package cn.anju.household;

import cn.anju.shared.privacy.BlindIndex;
import cn.anju.shared.privacy.BlindIndexColumn;
import cn.anju.shared.privacy.ChineseIdNumber;
import cn.anju.shared.privacy.EncryptedColumn;
import cn.anju.shared.privacy.FieldCipher;
import cn.anju.shared.web.ProblemException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;

/**
 * How a member's ID number and phone are stored: encrypted, with keyed indexes for exact search (and for the
 * phone's last four digits). The only place that knows the purposes the values are bound to.
 */
@Component
public class MemberIdentity {

    static final String ID_NUMBER = "household_member.id_number";
    static final String PHONE = "household_member.phone";
    static final String PHONE_LAST4 = "household_member.phone_last4";
    static final String EMAIL = "household_member.email";
    static final String WECHAT = "household_member.wechat_openid";

    private final FieldCipher cipher;
    private final BlindIndex index;
    private final Clock clock;

    MemberIdentity(FieldCipher cipher, BlindIndex index, Clock clock) {
        this.cipher = cipher;
        this.index = index;
        this.clock = clock;
    }

    public record Sealed(String idNumber, String idNumberIndex, String phone, String phoneIndex, String phoneLast4Index) {
    }

    /** Checks and seals; the messages say what to fix and never repeat the value. */
    public Sealed seal(String idNumber, String phone) {
        String id = ChineseIdNumber.normalise(idNumber);
        ChineseIdNumber.check(id, LocalDate.now(clock)).ifPresent(p -> {
            throw ProblemException.badRequest(p.code(), p.message());
        });
        String ph = phone == null || phone.isBlank() ? null : phone.replaceAll("[\\s-]", "");
        if (ph != null && !ph.matches("1[3-9][0-9]{9}")) {
            throw ProblemException.badRequest("PHONE_FORMAT", "手机号应为11位数字，以13-19开头。");
        }
        return new Sealed(cipher.encrypt(id, ID_NUMBER), idNumberIndex(id),
                ph == null ? null : cipher.encrypt(ph, PHONE), ph == null ? null : phoneIndex(ph),
                ph == null ? null : phoneLast4Index(ph.substring(7)));
    }

    public String idNumberIndex(String idNumber) {
        return index.of(ChineseIdNumber.normalise(idNumber), ID_NUMBER);
    }

    public String phoneIndex(String phone) {
        return index.of(phone.replaceAll("[\\s-]", ""), PHONE);
    }

    public String phoneLast4Index(String last4) {
        return index.of(last4, PHONE_LAST4);
    }

    /** Every index a member's row may hold for this ID number (see {@link BlindIndex#anyOf}): search with {@code = any(?)}. */
    public String[] idNumberIndexes(String idNumber) {
        return index.anyOf(ChineseIdNumber.normalise(idNumber), ID_NUMBER);
    }

    public String[] phoneIndexes(String phone) {
        return index.anyOf(phone.replaceAll("[\\s-]", ""), PHONE);
    }

    public String[] phoneLast4Indexes(String last4) {
        return index.anyOf(last4, PHONE_LAST4);
    }

    String decryptIdNumber(String stored) {
        return cipher.decrypt(stored, ID_NUMBER);
    }

    String decryptPhone(String stored) {
        return stored == null ? null : cipher.decrypt(stored, PHONE);
    }

    String sealEmail(String email) {
        return email == null ? null : cipher.encrypt(email, EMAIL);
    }

    String decryptEmail(String stored) {
        return stored == null ? null : cipher.decrypt(stored, EMAIL);
    }

    String sealWeChat(String openid) {
        return openid == null ? null : cipher.encrypt(openid, WECHAT);
    }

    String decryptWeChat(String stored) {
        return stored == null ? null : cipher.decrypt(stored, WECHAT);
    }

    /** Registers the encrypted columns and their blind indexes for key rotation and suite switches. */
    @Configuration(proxyBeanMethods = false)
    static class Columns {
        @Bean
        EncryptedColumn memberIdNumberColumn() {
            return new EncryptedColumn("household_member", "id", "id_number", ID_NUMBER);
        }

        @Bean
        EncryptedColumn memberPhoneColumn() {
            return new EncryptedColumn("household_member", "id", "phone", PHONE);
        }

        @Bean
        EncryptedColumn memberEmailColumn() {
            return new EncryptedColumn("household_member", "id", "email", EMAIL);
        }

        @Bean
        EncryptedColumn memberWeChatColumn() {
            return new EncryptedColumn("household_member", "id", "wechat_openid", WECHAT);
        }

        @Bean
        BlindIndexColumn memberIdNumberIndex() {
            return new BlindIndexColumn("household_member", "id", "id_number_index", ID_NUMBER, "id_number", ID_NUMBER,
                    ChineseIdNumber::normalise);
        }

        @Bean
        BlindIndexColumn memberPhoneIndex() {
            return new BlindIndexColumn("household_member", "id", "phone_index", PHONE, "phone", PHONE, phone -> phone);
        }

        @Bean
        BlindIndexColumn memberPhoneLast4Index() {
            return new BlindIndexColumn("household_member", "id", "phone_last4_index", PHONE_LAST4, "phone", PHONE,
                    phone -> phone.substring(phone.length() - 4));
        }
    }
}
