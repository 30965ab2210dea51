package cn.anju.shared.crypto;

import cn.anju.shared.privacy.PrivacyProperties;

import java.util.Base64;
import java.util.Set;
import javax.crypto.spec.SecretKeySpec;

/** Keys given as base64 in the configuration ({@code anju.privacy.keys.<id>}, {@code anju.privacy.index-key}). */
public final class EnvironmentKeyProvider extends KeyRing {

    /** The keys of the demo and test profiles; production refuses to start with any of them. */
    static final Set<String> DEVELOPMENT_KEYS = Set.of("ZGV2ZWxvcG1lbnQta2V5LW5vdC1mb3ItcHJvZHVjdGk=",
            "ZGV2LXNtNC1ub3QtcHJvZA==", "ZGV2ZWxvcG1lbnQtaW5kZXgta2V5LW5vdC1mb3ItcHJvZCEh",
            "ZGV2ZWxvcG1lbnQtc20zLWluZGV4LWtleS1ub3QtZm9yLXByb2Q=");


    public EnvironmentKeyProvider(PrivacyProperties properties, boolean production) {
        properties.keys().forEach((id, base64) -> {
            checkId(id);
            refuseDevelopmentKey(base64, production);
            byte[] raw = Base64.getDecoder().decode(base64);
            CipherAlgorithm algorithm = CipherAlgorithm.byKeyLength(raw.length).orElseThrow(() -> new IllegalStateException(
                    "加密密钥 " + id + " 须为32字节（AES-256）或16字节（SM4） / key " + id + " must be 32 (AES-256) or 16 (SM4) bytes"));
            fieldKeys.put(id, new FieldKey(id, algorithm, new SecretKeySpec(raw, algorithm.keyAlgorithm()), null));
        });
        index(HashAlgorithm.SHA256, properties.indexKey(), production);
        index(HashAlgorithm.SM3, properties.guomiIndexKey(), production);
    }

    private void index(HashAlgorithm algorithm, String base64, boolean production) {
        if (base64 == null || base64.isBlank()) {
            return;
        }
        refuseDevelopmentKey(base64, production);
        byte[] raw = Base64.getDecoder().decode(base64);
        if (raw.length < 32) {
            throw new IllegalStateException("盲索引密钥至少32字节 / index key must be at least 32 bytes");
        }
        indexKeys.put(algorithm, new IndexKey(new SecretKeySpec(raw, "HMAC"), null));
    }

    static void checkId(String id) {
        if (!id.matches("[A-Za-z0-9_-]{1,32}")) {
            throw new IllegalStateException("invalid key id: " + id);
        }
    }

    private static void refuseDevelopmentKey(String base64, boolean production) {
        if (production && DEVELOPMENT_KEYS.contains(base64)) {
            throw new IllegalStateException("生产环境不得使用开发密钥 / the development key is refused in prod");
        }
    }

    @Override
    public String name() {
        return "environment";
    }
}
