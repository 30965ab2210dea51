package cn.anju.shared.crypto;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The national algorithms as the platform calls them, against the standards' own examples: SM3 (GB/T 32905-2016
 * appendix A), SM4 (GB/T 32907-2016 appendix A), SM4-GCM (RFC 8998 appendix A.1) and HMAC-SM3 (RFC 2104 over SM3, with
 * RFC 4231's inputs). SHA-256 and HMAC-SHA256 too (FIPS 180-4's "abc", RFC 4231 case 2), the other suite.
 */
class StandardVectorsTest {

    static final HexFormat HEX = HexFormat.of();
    static final CryptoPurpose TEST = CryptoPurpose.stored("test-vectors");

    static String hex(byte[] bytes) {
        return HEX.formatHex(bytes);
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void sm3OfAbcAndOfTheSixtyFourByteMessage() {
        assertThat(Crypto.digestWith(HashAlgorithm.SM3, TEST, ascii("abc")).hex())
                .isEqualTo("66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0");
        assertThat(Crypto.digestWith(HashAlgorithm.SM3, TEST, ascii("abcd".repeat(16))).hex())
                .isEqualTo("debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732");
    }

    @Test
    void sha256OfAbc() {
        assertThat(Crypto.digestWith(HashAlgorithm.SHA256, TEST, ascii("abc")).tagged())
                .isEqualTo("sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void hmacSm3WithRfc4231Inputs() {
        CryptoPurpose sm3 = CryptoPurpose.pinned("test-hmac-sm3", HashAlgorithm.SM3);
        byte[] key1 = new byte[20];
        java.util.Arrays.fill(key1, (byte) 0x0b);
        assertThat(Crypto.hmacWith(sm3, key1, ascii("Hi There")).hex())
                .isEqualTo("51b00d1fb49832bfb01c3ce27848e59f871d9ba938dc563b338ca964755cce70");
        assertThat(Crypto.hmacWith(sm3, ascii("Jefe"), ascii("what do ya want for nothing?")).tagged())
                .isEqualTo("hmac-sm3:2e87f1d16862e6d964b50a5200bf2b10b764faa9680a296a2405f24bec39f882");
        byte[] longKey = new byte[131]; // longer than SM3's 64-byte block: the key is hashed first
        java.util.Arrays.fill(longKey, (byte) 0xaa);
        assertThat(Crypto.hmacWith(sm3, longKey, ascii("Test Using Larger Than Block-Size Key - Hash Key First")).hex())
                .isEqualTo("b4fd844e13342002f0b2e0690ea7741f1497d993a70494cea601e657bedf67a0");
    }

    @Test
    void hmacSm3IsRfc2104OverSm3() {
        // the definition itself, built from the SM3 checked above: H((K ^ opad) || H((K ^ ipad) || m))
        byte[] key = ascii("anju-blind-index-key-of-32-bytes");
        byte[] message = ascii("610802199001011234");
        byte[] inner = new byte[64 + message.length];
        byte[] outer = new byte[64 + 32];
        for (int i = 0; i < 64; i++) {
            byte k = i < key.length ? key[i] : 0;
            inner[i] = (byte) (k ^ 0x36);
            outer[i] = (byte) (k ^ 0x5c);
        }
        System.arraycopy(message, 0, inner, 64, message.length);
        System.arraycopy(Crypto.digestWith(HashAlgorithm.SM3, TEST, inner).bytes(), 0, outer, 64, 32);
        assertThat(Crypto.hmacWith(CryptoPurpose.pinned("test-hmac-sm3", HashAlgorithm.SM3), key, message).hex())
                .isEqualTo(Crypto.digestWith(HashAlgorithm.SM3, TEST, outer).hex());
    }

    @Test
    void hmacSha256Rfc4231CaseTwo() {
        assertThat(Crypto.hmacWith(CryptoPurpose.pinned("test-hmac", HashAlgorithm.SHA256), ascii("Jefe"),
                ascii("what do ya want for nothing?")).hex())
                .isEqualTo("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    }

    @Test
    void sm4BlockOfGbT32907AppendixA() throws Exception {
        byte[] key = HEX.parseHex("0123456789abcdeffedcba9876543210");
        Cipher sm4 = Cipher.getInstance("SM4/ECB/NoPadding", Providers.bouncyCastle());
        sm4.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "SM4"));
        assertThat(hex(sm4.doFinal(key))).isEqualTo("681edf34d206965e86b3e94f536e4246");
        // example 2: the same block encrypted 1,000,000 times
        byte[] block = key.clone();
        for (int i = 0; i < 1_000_000; i++) {
            block = sm4.doFinal(block);
        }
        assertThat(hex(block)).isEqualTo("595298c7c6fd271f0402f804c33d3f66");
    }

    @Test
    void sm4GcmOfRfc8998() throws Exception {
        byte[] key = HEX.parseHex("0123456789abcdeffedcba9876543210");
        byte[] iv = HEX.parseHex("00001234567800000000abcd");
        byte[] aad = HEX.parseHex("feedfacedeadbeeffeedfacedeadbeefabaddad2");
        byte[] plain = HEX.parseHex("aaaaaaaaaaaaaaaabbbbbbbbbbbbbbbbccccccccccccccccdddddddddddddddd"
                + "eeeeeeeeeeeeeeeeffffffffffffffffeeeeeeeeeeeeeeeeaaaaaaaaaaaaaaaa");
        String expected = "17f399f08c67d5ee19d0dc9969c4bb7d5fd46fd3756489069157b282bb200735"
                + "d82710ca5c22f0ccfa7cbf93d496ac15a56834cbcf98c397b4024a2691233b8d" + "83de3541e4c2b58177e065a9bf7b62ec";
        CipherAlgorithm sm4Gcm = CipherAlgorithm.SM4GCM; // the transformation and provider field encryption uses
        Cipher cipher = Cipher.getInstance(sm4Gcm.transformation(), sm4Gcm.defaultProvider());
        cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, sm4Gcm.keyAlgorithm()), new GCMParameterSpec(128, iv));
        cipher.updateAAD(aad);
        assertThat(hex(cipher.doFinal(plain))).isEqualTo(expected);

        cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, sm4Gcm.keyAlgorithm()), new GCMParameterSpec(128, iv));
        cipher.updateAAD(aad);
        assertThat(hex(cipher.doFinal(HEX.parseHex(expected)))).isEqualTo(hex(plain));
        byte[] forged = HEX.parseHex(expected);
        forged[forged.length - 1] ^= 1;
        cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, sm4Gcm.keyAlgorithm()), new GCMParameterSpec(128, iv));
        cipher.updateAAD(aad);
        assertThatThrownBy(() -> cipher.doFinal(forged)).isInstanceOf(javax.crypto.AEADBadTagException.class);
    }
}
