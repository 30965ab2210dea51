package cn.anju.shared.crypto;

import org.bouncycastle.jce.provider.BouncyCastleProvider;

import java.security.Provider;

/**
 * Bouncy Castle as a private provider instance, not registered in {@code java.security}: it serves only the national
 * algorithms we ask it for by name, and never changes which provider the JDK picks for TLS or anything else.
 */
final class Providers {

    private static final Provider BOUNCY_CASTLE = new BouncyCastleProvider();

    private Providers() {
    }

    static Provider bouncyCastle() {
        return BOUNCY_CASTLE;
    }
}
