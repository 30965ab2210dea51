package cn.anju.shared.privacy;

import cn.anju.shared.crypto.CryptoSuite;
import cn.anju.shared.crypto.TestCrypto;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FieldCipherTest {

    static final String KEY1 = "ZGV2ZWxvcG1lbnQta2V5LW5vdC1mb3ItcHJvZHVjdGk=";
    static final String KEY2 = "cm90YXRpb24tdGVzdC1rZXktMi1ub3QtZm9yLXByb2Q=";
    static final String INDEX = "ZGV2ZWxvcG1lbnQtaW5kZXgta2V5LW5vdC1mb3ItcHJvZCEh";

    static FieldCipher cipher(String active, Map<String, String> keys, String... profiles) {
        boolean production = java.util.Arrays.asList(profiles).contains("prod");
        // production refuses the development index key as it refuses the development field key
        String index = production ? "cHJvZHVjdGlvbi1pbmRleC1rZXktZm9yLXRoZS10ZXN0IQ==" : INDEX;
        return new FieldCipher(TestCrypto.crypto(CryptoSuite.INTERNATIONAL, new PrivacyProperties(keys, active, index, null, null), production));
    }

    final FieldCipher cipher = cipher("k1", Map.of("k1", KEY1));

    @Property
    void whatIsEncryptedDecryptsToTheSame(@ForAll @StringLength(max = 200) String value) {
        String stored = cipher.encrypt(value, "household_member.id_number");
        assertThat(stored).startsWith("enc:v1:A256GCM:k1:");
        if (value.length() >= 12) { // a short value can occur in base64 text by chance; a long one cannot
            assertThat(stored).doesNotContain(value);
        }
        assertThat(cipher.decrypt(stored, "household_member.id_number")).isEqualTo(value);
    }

    @Property
    void theSameValueNeverEncryptsTheSameWayTwice(@ForAll @StringLength(min = 1, max = 40) String value) {
        assertThat(cipher.encrypt(value, "p")).isNotEqualTo(cipher.encrypt(value, "p"));
    }

    @Test
    void aValueMovedToAnotherColumnOrTamperedWithDoesNotDecrypt() {
        String stored = cipher.encrypt(IdNumbers.of("610802", LocalDate.of(1980, 1, 1), 1), "household_member.id_number");
        assertThatThrownBy(() -> cipher.decrypt(stored, "household_member.phone")).hasMessageContaining("解密失败");
        char last = stored.charAt(stored.length() - 5);
        String tampered = stored.substring(0, stored.length() - 5) + (last == 'A' ? 'B' : 'A') + stored.substring(stored.length() - 4);
        assertThatThrownBy(() -> cipher.decrypt(tampered, "household_member.id_number")).hasMessageContaining("解密失败");
    }

    @Test
    void oldValuesStayReadableAfterTheActiveKeyChanges() {
        String underK1 = cipher.encrypt("13812345678", "phone");
        FieldCipher rotated = cipher("k2", Map.of("k1", KEY1, "k2", KEY2));
        assertThat(rotated.decrypt(underK1, "phone")).isEqualTo("13812345678");
        assertThat(rotated.needsReEncryption(underK1)).isTrue();
        assertThat(rotated.needsReEncryption(rotated.encrypt("x", "phone"))).isFalse();
    }

    @Test
    void startUpRefusesAMissingKeyAndTheDevelopmentKeyInProduction() {
        assertThatThrownBy(() -> cipher(null, Map.of())).hasMessageContaining("密钥未配置");
        assertThatThrownBy(() -> cipher("k9", Map.of("k1", KEY1))).hasMessageContaining("密钥未配置");
        assertThatThrownBy(() -> cipher("k1", Map.of("k1", KEY1), "prod")).hasMessageContaining("开发密钥");
        assertThat(cipher("k2", Map.of("k2", KEY2), "prod").activeKeyId()).isEqualTo("k2");
    }

    @Test
    void theBlindIndexMatchesExactlyAndDiffersByPurpose() {
        BlindIndex index = new BlindIndex(TestCrypto.crypto(CryptoSuite.INTERNATIONAL));
        String id = IdNumbers.of("610802", LocalDate.of(1990, 5, 6), 7);
        assertThat(index.of(id, "id")).isEqualTo(index.of(id.toLowerCase(), "id")).startsWith("hmac-sha256:").hasSize(12 + 64);
        assertThat(index.of(id, "id")).isNotEqualTo(index.of(id, "other"));
    }
}
