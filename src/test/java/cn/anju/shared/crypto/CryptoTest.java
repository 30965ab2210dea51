package cn.anju.shared.crypto;

import cn.anju.shared.privacy.PrivacyProperties;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The service under both suites: what is written names its algorithm, and whatever was written stays readable. */
class CryptoTest {

    final Crypto international = TestCrypto.crypto(CryptoSuite.INTERNATIONAL);
    final Crypto guomi = TestCrypto.crypto(CryptoSuite.GUOMI);
    static final CryptoPurpose TOKEN = CryptoPurpose.stored("api-token");

    @Test
    void fieldsAreWrittenWithTheSuitesCipherAndReadWhateverTheSuite() {
        String aes = international.encrypt("household_member.id_number", "610802199001011234");
        String sm4 = guomi.encrypt("household_member.id_number", "610802199001011234");
        assertThat(aes).startsWith("enc:v1:A256GCM:dev1:");
        assertThat(sm4).startsWith("enc:v1:SM4GCM:dev-sm4:");
        for (Crypto reader : new Crypto[]{international, guomi}) {
            assertThat(reader.decrypt("household_member.id_number", aes)).isEqualTo("610802199001011234");
            assertThat(reader.decrypt("household_member.id_number", sm4)).isEqualTo("610802199001011234");
        }
        assertThat(guomi.needsReEncryption(aes)).isTrue();
        assertThat(guomi.needsReEncryption(sm4)).isFalse();
        assertThat(international.needsReEncryption(sm4)).isTrue();
        // bound to its column, and sealed: SM4-GCM refuses a moved or altered value like AES-GCM
        assertThatThrownBy(() -> guomi.decrypt("household_member.phone", sm4)).hasMessageContaining("解密失败");
        String altered = sm4.substring(0, sm4.length() - 3) + (sm4.endsWith("AAA") ? "BBB" : "AAA");
        assertThatThrownBy(() -> guomi.decrypt("household_member.id_number", altered)).hasMessageContaining("解密失败");
    }

    @Test
    void aValueWrittenBeforeTheSuitesExistedStillDecrypts() throws Exception {
        // what FieldCipher wrote before: AES-256-GCM, 12-byte IV, the purpose as associated data
        byte[] iv = new byte[12];
        Arrays.fill(iv, (byte) 7);
        Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
        aes.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(Base64.getDecoder().decode(TestCrypto.AES_KEY), "AES"), new GCMParameterSpec(128, iv));
        aes.updateAAD("app_user.contact_phone".getBytes(StandardCharsets.UTF_8));
        byte[] sealed = aes.doFinal("13812345678".getBytes(StandardCharsets.UTF_8));
        byte[] out = Arrays.copyOf(iv, 12 + sealed.length);
        System.arraycopy(sealed, 0, out, 12, sealed.length);
        String old = "enc:v1:A256GCM:dev1:" + Base64.getUrlEncoder().withoutPadding().encodeToString(out);
        assertThat(guomi.decrypt("app_user.contact_phone", old)).isEqualTo("13812345678");
    }

    @Test
    void blindIndexesNameTheirAlgorithmAndTheInternationalOneIsTheOldHmac() throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(TestCrypto.INDEX_KEY), "HmacSHA256"));
        mac.update("household_member.phone".getBytes(StandardCharsets.UTF_8));
        mac.update((byte) 0);
        String before = HexFormat.of().formatHex(mac.doFinal("13812345678".getBytes(StandardCharsets.UTF_8)));

        assertThat(international.index("household_member.phone", " 13812345678 ").tagged()).isEqualTo("hmac-sha256:" + before);
        String sm3 = guomi.index("household_member.phone", "13812345678").tagged();
        assertThat(sm3).startsWith("hmac-sm3:").hasSize(9 + 64);
        // after a switch, a search looks for both until re-encryption has moved every index
        assertThat(guomi.indexForms("household_member.phone", "13812345678")).containsExactly(sm3, "hmac-sha256:" + before);
        assertThat(guomi.index("household_member.phone_last4", "5678").tagged()).isNotEqualTo(
                guomi.index("household_member.phone", "5678").tagged());
    }

    @Test
    void storedDigestsAreMatchedWithTheAlgorithmTheyName() throws Exception {
        String legacy = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest("code-1".getBytes(StandardCharsets.UTF_8)));
        String sha = international.digest(TOKEN, "code-1").tagged();
        String sm3 = guomi.digest(TOKEN, "code-1").tagged();
        assertThat(sha).isEqualTo("sha256:" + legacy);
        assertThat(sm3).startsWith("sm3:").isNotEqualTo("sm3:" + legacy);
        for (Crypto reader : new Crypto[]{international, guomi}) {
            assertThat(reader.matches(TOKEN, legacy, "code-1")).isTrue();
            assertThat(reader.matches(TOKEN, sha, "code-1")).isTrue();
            assertThat(reader.matches(TOKEN, sm3, "code-1")).isTrue();
            assertThat(reader.matches(TOKEN, sm3, "code-2")).isFalse();
            assertThat(reader.matches(TOKEN, "md5:" + legacy, "code-1")).isFalse();
        }
        assertThat(guomi.storedForms(TOKEN, "code-1")).containsExactly(sm3, sha, legacy);
    }

    @Test
    void aPinnedPurposeKeepsItsAlgorithmUnderEitherSuite() {
        CryptoPurpose lottery = CryptoPurpose.pinned("anju-lottery-v1", HashAlgorithm.SHA256);
        assertThat(guomi.digest(lottery, "list").algorithm()).isEqualTo(HashAlgorithm.SHA256);
        assertThat(guomi.hmac(lottery, new byte[32], new byte[1]).algorithm()).isEqualTo(HashAlgorithm.SHA256);
        assertThat(guomi.digest(TOKEN, "list").algorithm()).isEqualTo(HashAlgorithm.SM3);
        assertThatThrownBy(() -> Crypto.digestWith(HashAlgorithm.SM3, lottery, new byte[1])).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void startUpRefusesKeysThatDoNotSuitTheSuite() {
        // GUOMI without an SM4 key
        assertThatThrownBy(() -> TestCrypto.crypto(CryptoSuite.GUOMI, "dev1", null, Map.of("dev1", TestCrypto.AES_KEY)))
                .hasMessageContaining("国密套件须设置 anju.privacy.guomi-active-key");
        // an AES key named as the GUOMI suite's active key
        assertThatThrownBy(() -> TestCrypto.crypto(CryptoSuite.GUOMI, "dev1", "dev1", Map.of("dev1", TestCrypto.AES_KEY)))
                .hasMessageContaining("与密码套件 GUOMI 要求的 SM4GCM 不符");
        // a key of neither size
        assertThatThrownBy(() -> TestCrypto.crypto(CryptoSuite.INTERNATIONAL, "k", null, Map.of("k", "c2hvcnQ=")))
                .hasMessageContaining("32字节（AES-256）或16字节（SM4）");
        // the development SM4 key in production
        PrivacyProperties dev = new PrivacyProperties(Map.of("dev-sm4", TestCrypto.SM4_KEY), null, TestCrypto.INDEX_KEY + "x",
                "dev-sm4", null);
        assertThatThrownBy(() -> TestCrypto.crypto(CryptoSuite.GUOMI, dev, true)).hasMessageContaining("开发密钥");
        // GUOMI without an HMAC-SM3 index key
        PrivacyProperties noSm3Index = new PrivacyProperties(Map.of("dev-sm4", TestCrypto.SM4_KEY), null, TestCrypto.INDEX_KEY,
                "dev-sm4", null);
        assertThatThrownBy(() -> TestCrypto.crypto(CryptoSuite.GUOMI, noSm3Index, false)).hasMessageContaining("guomi-index-key");
    }

    @Test
    void constantTimeComparison() {
        assertThat(Crypto.same("123456", "123456")).isTrue();
        assertThat(Crypto.same("123456", "123457")).isFalse();
        assertThat(Crypto.same(null, "1")).isFalse();
    }
}
