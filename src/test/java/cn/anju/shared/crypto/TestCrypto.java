package cn.anju.shared.crypto;

import cn.anju.shared.privacy.PrivacyProperties;

import java.util.HashMap;
import java.util.Map;

/** Builds the crypto service as the application does, with the development keys, for tests without Spring. */
public final class TestCrypto {

    public static final String AES_KEY = "ZGV2ZWxvcG1lbnQta2V5LW5vdC1mb3ItcHJvZHVjdGk=";
    public static final String AES_KEY_2 = "cm90YXRpb24tdGVzdC1rZXktMi1ub3QtZm9yLXByb2Q=";
    public static final String SM4_KEY = "ZGV2LXNtNC1ub3QtcHJvZA==";
    public static final String SM4_KEY_2 = "cm90YXRpb24tc200LWsyIQ==";
    public static final String INDEX_KEY = "ZGV2ZWxvcG1lbnQtaW5kZXgta2V5LW5vdC1mb3ItcHJvZCEh";
    public static final String SM3_INDEX_KEY = "ZGV2ZWxvcG1lbnQtc20zLWluZGV4LWtleS1ub3QtZm9yLXByb2Q=";

    private TestCrypto() {
    }

    /** The demo's keys (dev1 for AES, dev-sm4 for SM4, both index keys) under this suite. */
    public static Crypto crypto(CryptoSuite suite) {
        return crypto(suite, "dev1", "dev-sm4", Map.of("dev1", AES_KEY, "dev-sm4", SM4_KEY));
    }

    public static Crypto crypto(CryptoSuite suite, String activeKey, String guomiActiveKey, Map<String, String> keys) {
        return crypto(suite, new PrivacyProperties(new HashMap<>(keys), activeKey, INDEX_KEY, guomiActiveKey, SM3_INDEX_KEY), false);
    }

    public static Crypto crypto(CryptoSuite suite, PrivacyProperties privacy, boolean production) {
        return new Crypto(new CryptoProperties(suite, null, null), new EnvironmentKeyProvider(privacy, production), privacy);
    }
}
