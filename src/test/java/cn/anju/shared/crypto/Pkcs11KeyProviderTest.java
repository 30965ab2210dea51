package cn.anju.shared.crypto;

import cn.anju.shared.privacy.PrivacyProperties;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Keys in a cryptographic module, against SoftHSM2 (Debian's softhsm2, which .ci/run installs): AES-256-GCM inside the
 * token with a key that cannot leave it, SM4-GCM with a key the token unwraps (SoftHSM2 has no SM4), and a rotation.
 * The token lives under target/softhsm, where the surefire configuration points SOFTHSM2_CONF.
 */
class Pkcs11KeyProviderTest {

    static final String LIBRARY = "/usr/lib/softhsm/libsofthsm2.so";
    static final String PIN = "20261206";
    static final SecureRandom RANDOM = new SecureRandom();
    static Map<String, String> wrapped;

    @BeforeAll
    static void freshToken() throws Exception {
        String conf = System.getenv("SOFTHSM2_CONF");
        // never skipped: a key provider test that does not run proves nothing (README's prerequisites install softhsm2;
        // Maven's surefire sets SOFTHSM2_CONF)
        assertThat(conf).as("SOFTHSM2_CONF is set: run the test through Maven").isNotNull();
        assertThat(Path.of(LIBRARY)).as("softhsm2 is installed (apt-get install softhsm2)").exists();
        Path dir = Path.of(conf).getParent();
        if (Files.exists(dir)) {
            try (Stream<Path> all = Files.walk(dir)) {
                all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        Files.createDirectories(dir.resolve("tokens"));
        Files.writeString(Path.of(conf), "directories.tokendir = " + dir.resolve("tokens").toAbsolutePath()
                + "\nobjectstore.backend = file\nlog.level = ERROR\n", StandardCharsets.UTF_8);
        run("softhsm2-util", "--init-token", "--free", "--label", "anju-test", "--pin", PIN, "--so-pin", "87654321");

        // what an operator does once (keytool -genseckey, or crypto-wrap-key for what the token cannot hold)
        Pkcs11KeyProvider empty = new Pkcs11KeyProvider(config(Map.of(), null, Map.of(), Map.of()));
        empty.generateAesKey("field-2026");
        empty.generateAesKey("field-2027");
        empty.generateAesKey("wrapping");
        Pkcs11KeyProvider wrapper = new Pkcs11KeyProvider(config(Map.of(), "wrapping", Map.of(), Map.of()));
        wrapped = Map.of(
                "sm4-2026", wrapper.wrap(random(16), Pkcs11KeyProvider.fieldLabel("sm4-2026")),
                "sha256", wrapper.wrap(random(32), Pkcs11KeyProvider.indexLabel(HashAlgorithm.SHA256)),
                "sm3", wrapper.wrap(random(32), Pkcs11KeyProvider.indexLabel(HashAlgorithm.SM3)));
    }

    static byte[] random(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }

    static void run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(out).isZero();
    }

    static CryptoProperties.Pkcs11 config(Map<String, String> keys, String wrappingKey, Map<String, String> wrappedKeys,
                                          Map<String, String> wrappedIndexKeys) {
        return new CryptoProperties.Pkcs11(LIBRARY, 0, PIN, keys, wrappingKey, wrappedKeys, wrappedIndexKeys);
    }

    static Pkcs11KeyProvider provider(Map<String, String> keys) {
        return new Pkcs11KeyProvider(config(keys, "wrapping", Map.of("sm4-2026", wrapped.get("sm4-2026")),
                Map.of("sha256", wrapped.get("sha256"), "sm3", wrapped.get("sm3"))));
    }

    static Crypto crypto(CryptoSuite suite, KeyProvider keys, String activeKey) {
        PrivacyProperties ids = new PrivacyProperties(new HashMap<>(), activeKey, null, "sm4-2026", null);
        return new Crypto(new CryptoProperties(suite, CryptoProperties.KeySource.PKCS11, null), keys, ids);
    }

    @Test
    void aesInsideTheTokenWithAKeyThatNeverLeavesIt() {
        Pkcs11KeyProvider keys = provider(Map.of("k2026", "field-2026"));
        FieldKey key = keys.fieldKey("k2026").orElseThrow();
        assertThat(key.provider()).isSameAs(keys.provider());
        assertThat(key.key().getEncoded()).as("a sensitive, non-extractable key has no encoding outside the token").isNull();

        Crypto crypto = crypto(CryptoSuite.INTERNATIONAL, keys, "k2026");
        String stored = crypto.encrypt("household_member.id_number", "610802199001011234");
        assertThat(stored).startsWith("enc:v1:A256GCM:k2026:");
        assertThat(crypto.decrypt("household_member.id_number", stored)).isEqualTo("610802199001011234");
        assertThatThrownBy(() -> crypto.decrypt("household_member.phone", stored)).hasMessageContaining("解密失败");
        assertThat(crypto.index("household_member.phone", "13812345678").tagged()).startsWith("hmac-sha256:");
    }

    @Test
    void sm4WithAKeyTheTokenUnwrapsAndTheAesValuesStayReadable() {
        Pkcs11KeyProvider keys = provider(Map.of("k2026", "field-2026"));
        String aes = crypto(CryptoSuite.INTERNATIONAL, keys, "k2026").encrypt("p", "13812345678");
        Crypto guomi = crypto(CryptoSuite.GUOMI, keys, "k2026");
        String sm4 = guomi.encrypt("p", "13812345678");
        assertThat(sm4).startsWith("enc:v1:SM4GCM:sm4-2026:");
        assertThat(guomi.decrypt("p", sm4)).isEqualTo("13812345678");
        assertThat(guomi.decrypt("p", aes)).isEqualTo("13812345678");
        assertThat(guomi.index("household_member.phone", "13812345678").tagged()).startsWith("hmac-sm3:");

        // a wrapped key is bound to its id: the blob of one key cannot be configured as another
        assertThatThrownBy(() -> new Pkcs11KeyProvider(config(Map.of(), "wrapping", Map.of("other", wrapped.get("sm4-2026")), Map.of())))
                .hasMessageContaining("无法解包密钥");
    }

    @Test
    void rotationMovesValuesToTheNewTokenKey() {
        String underOld = crypto(CryptoSuite.INTERNATIONAL, provider(Map.of("k2026", "field-2026")), "k2026")
                .encrypt("household_member.id_number", "610802199001011234");
        Crypto rotated = crypto(CryptoSuite.INTERNATIONAL, provider(Map.of("k2026", "field-2026", "k2027", "field-2027")), "k2027");
        assertThat(rotated.needsReEncryption(underOld)).isTrue();
        String moved = rotated.encrypt("household_member.id_number", rotated.decrypt("household_member.id_number", underOld));
        assertThat(moved).startsWith("enc:v1:A256GCM:k2027:");
        assertThat(rotated.needsReEncryption(moved)).isFalse();
        assertThat(rotated.decrypt("household_member.id_number", moved)).isEqualTo("610802199001011234");
        // the retired key still reads what was not yet moved; once removed from the configuration, nothing under it reads
        assertThat(rotated.decrypt("household_member.id_number", underOld)).isEqualTo("610802199001011234");
        Crypto retired = crypto(CryptoSuite.INTERNATIONAL, provider(Map.of("k2027", "field-2027")), "k2027");
        assertThatThrownBy(() -> retired.decrypt("household_member.id_number", underOld)).hasMessageContaining("找不到加密密钥");
    }

    @Test
    void aLabelTheTokenDoesNotHoldIsRefusedAtStart() {
        assertThatThrownBy(() -> provider(Map.of("k9", "no-such-key"))).hasMessageContaining("no-such-key");
    }
}
