package cn.anju.shared.crypto;

import cn.anju.shared.privacy.PrivacyProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** Picks the key provider that {@code anju.crypto.key-provider} names. */
@Configuration(proxyBeanMethods = false)
class KeyProviders {

    @Bean
    KeyProvider keyProvider(CryptoProperties crypto, PrivacyProperties privacy, Environment environment) {
        return switch (crypto.keyProvider()) {
            case ENVIRONMENT -> new EnvironmentKeyProvider(privacy, environment.matchesProfiles("prod"));
            case PKCS11 -> new Pkcs11KeyProvider(crypto.pkcs11());
        };
    }
}
