package cn.anju.shared.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.Provider;
import java.security.SecureRandom;
import java.security.Security;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keys in a cryptographic module (密码机) over PKCS#11, through the JDK's SunPKCS11. An AES key named in
 * {@code anju.crypto.pkcs11.keys} is a handle: it is generated in the module, marked non-extractable, and every field
 * is encrypted and decrypted inside it. A module that lacks an algorithm (a software token such as SoftHSM2 has no
 * SM4 and no HMAC-SM3) holds a wrapping key instead: the SM4 or index key is kept wrapped under it in the
 * configuration and unwrapped by the module into the application's memory at start. That is the limit of a software
 * token; a certified module with SM4 does the SM4 inside it like AES here.
 */
public final class Pkcs11KeyProvider extends KeyRing {

    private static final int IV_BYTES = 12;

    private final Provider provider;
    private final KeyStore token;
    private final SecretKey wrappingKey;
    private final SecureRandom random = new SecureRandom();

    public Pkcs11KeyProvider(CryptoProperties.Pkcs11 config) {
        if (config == null || config.library() == null || config.pin() == null) {
            throw new IllegalStateException("密码模块未配置：请设置 anju.crypto.pkcs11.library 与 anju.crypto.pkcs11.pin "
                    + "(ANJU_CRYPTO_PKCS11_LIBRARY, ANJU_CRYPTO_PKCS11_PIN) / PKCS#11 module not configured");
        }
        this.provider = Security.getProvider("SunPKCS11").configure("--name=anju\nlibrary=" + config.library()
                + "\nslotListIndex=" + config.slotListIndex() + "\n"
                // keys generated through this provider are marked to stay in the module
                + "attributes(generate, CKO_SECRET_KEY, *) = {\n  CKA_SENSITIVE = true\n  CKA_EXTRACTABLE = false\n}\n");
        try {
            this.token = KeyStore.getInstance("PKCS11", provider);
            token.load(null, config.pin().toCharArray());
            config.keys().forEach((id, label) -> {
                EnvironmentKeyProvider.checkId(id);
                fieldKeys.put(id, new FieldKey(id, CipherAlgorithm.A256GCM, tokenKey(token, label), provider));
            });
            this.wrappingKey = config.wrappingKey() == null ? null : tokenKey(token, config.wrappingKey());
            config.wrappedKeys().forEach((id, blob) -> {
                EnvironmentKeyProvider.checkId(id);
                byte[] raw = unwrap(blob, fieldLabel(id));
                CipherAlgorithm algorithm = CipherAlgorithm.byKeyLength(raw.length)
                        .orElseThrow(() -> new IllegalStateException("wrapped key " + id + " has " + raw.length + " bytes"));
                fieldKeys.put(id, new FieldKey(id, algorithm, new SecretKeySpec(raw, algorithm.keyAlgorithm()), null));
                Arrays.fill(raw, (byte) 0);
            });
            config.wrappedIndexKeys().forEach((tag, blob) -> {
                HashAlgorithm algorithm = HashAlgorithm.byTag(tag)
                        .orElseThrow(() -> new IllegalStateException("unknown index key algorithm: " + tag));
                indexKeys.put(algorithm, new IndexKey(new SecretKeySpec(unwrap(blob, indexLabel(algorithm)), "HMAC"), null));
            });
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new IllegalStateException("无法打开密码模块 / could not open the PKCS#11 token: " + e.getMessage(), e);
        }
    }

    private static SecretKey tokenKey(KeyStore token, String label) {
        try {
            Key key = token.getKey(label, null);
            if (!(key instanceof SecretKey secret)) {
                throw new IllegalStateException("密码模块中没有密钥 / no secret key labelled " + label + " in the token");
            }
            return secret;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("could not read key " + label + " from the token", e);
        }
    }

    /** The associated data a wrapped key is bound to, so that a blob cannot be passed off as another key. */
    static String fieldLabel(String id) {
        return "anju-field-key:" + id;
    }

    static String indexLabel(HashAlgorithm algorithm) {
        return "anju-index-key:" + algorithm.tag();
    }

    /**
     * Generates an AES-256 key inside the module under this label, sensitive and not extractable: what
     * {@code keytool -genseckey -storetype PKCS11} does, for a new field key or wrapping key.
     */
    public void generateAesKey(String label) {
        try {
            javax.crypto.KeyGenerator generator = javax.crypto.KeyGenerator.getInstance("AES", provider);
            generator.init(256);
            token.setEntry(label, new KeyStore.SecretKeyEntry(generator.generateKey()), null);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("密码模块生成密钥失败 / the token could not generate key " + label, e);
        }
    }

    /** Wraps a key under the module's wrapping key: what {@code --anju.command=crypto-wrap-key} prints for the configuration. */
    public String wrap(byte[] secret, String label) {
        requireWrappingKey();
        try {
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding", provider);
            cipher.init(Cipher.ENCRYPT_MODE, wrappingKey, new GCMParameterSpec(128, iv));
            cipher.updateAAD(label.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(secret);
            byte[] out = Arrays.copyOf(iv, IV_BYTES + sealed.length);
            System.arraycopy(sealed, 0, out, IV_BYTES, sealed.length);
            return Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("密码模块包装密钥失败 / the token could not wrap the key", e);
        }
    }

    private byte[] unwrap(String blob, String label) {
        requireWrappingKey();
        try {
            byte[] data = Base64.getDecoder().decode(blob);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding", provider);
            cipher.init(Cipher.DECRYPT_MODE, wrappingKey, new GCMParameterSpec(128, data, 0, IV_BYTES));
            cipher.updateAAD(label.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(data, IV_BYTES, data.length - IV_BYTES);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("密码模块无法解包密钥（包装密钥不符或数据被改动） / the token could not unwrap " + label, e);
        }
    }

    private void requireWrappingKey() {
        if (wrappingKey == null) {
            throw new IllegalStateException("未配置包装密钥：请设置 anju.crypto.pkcs11.wrapping-key / no wrapping key configured");
        }
    }

    public Provider provider() {
        return provider;
    }

    @Override
    public String name() {
        return "pkcs11";
    }
}
