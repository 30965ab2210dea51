package cn.anju.shared.crypto;

import cn.anju.shared.PlatformCommand;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Locale;

/**
 * {@code --anju.command=crypto-wrap-key --anju.crypto.new-key=<id>}: for a module that cannot hold an algorithm itself
 * (SM4 or HMAC-SM3 in SoftHSM2), draws a fresh key, has the module wrap it under {@code anju.crypto.pkcs11.wrapping-key}
 * and prints the setting that configures it. The key itself is never printed. {@code <id>} is a field key id (an SM4
 * key) or {@code index-sm3} / {@code index-sha256} for a blind-index key.
 */
@Component
class WrapKeyCommand implements PlatformCommand {

    private final KeyProvider keys;
    private final String newKey;
    private final SecureRandom random = new SecureRandom();

    WrapKeyCommand(KeyProvider keys, @Value("${anju.crypto.new-key:}") String newKey) {
        this.keys = keys;
        this.newKey = newKey;
    }

    @Override
    public String name() {
        return "crypto-wrap-key";
    }

    @Override
    public int run() {
        if (!(keys instanceof Pkcs11KeyProvider module)) {
            System.err.println("crypto-wrap-key 需要 anju.crypto.key-provider=pkcs11 / needs the PKCS#11 key provider");
            return 2;
        }
        // lower-case letters and digits only: the id must survive the environment variable's name (ANJU_..._<ID>)
        if (!newKey.matches("[a-z0-9]{1,32}|index-sm3|index-sha256")) {
            System.err.println("请用 --anju.crypto.new-key=<id>（小写字母与数字）指定密钥编号 / name the key with --anju.crypto.new-key=<id>");
            return 2;
        }
        boolean index = newKey.startsWith("index-");
        byte[] secret = new byte[index ? 32 : CipherAlgorithm.SM4GCM.keyBytes()];
        random.nextBytes(secret);
        String setting;
        if (index) {
            HashAlgorithm algorithm = HashAlgorithm.byTag(newKey.substring("index-".length()))
                    .orElseThrow(() -> new IllegalArgumentException("index-sm3 or index-sha256"));
            setting = "ANJU_CRYPTO_PKCS11_WRAPPEDINDEXKEYS_" + algorithm.tag().toUpperCase(Locale.ROOT) + "="
                    + module.wrap(secret, Pkcs11KeyProvider.indexLabel(algorithm));
        } else {
            setting = "ANJU_CRYPTO_PKCS11_WRAPPEDKEYS_" + newKey.toUpperCase(Locale.ROOT) + "="
                    + module.wrap(secret, Pkcs11KeyProvider.fieldLabel(newKey));
        }
        Arrays.fill(secret, (byte) 0);
        System.out.println(setting);
        return 0;
    }
}
