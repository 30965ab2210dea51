package cn.anju.shared.crypto;

/**
 * What a digest or keyed digest is for. Every call to {@link Crypto} names one, so a reader (or an assessor) can list
 * the uses, and so that a use whose algorithm someone outside relies on keeps it whatever the suite: a published
 * digest (the lottery's {@code anju-lottery-v1}, the evaluation's inputs) or a partner's protocol (an authenticator
 * app's HMAC-SHA1, a payment gateway's HMAC-SHA256). Everything else follows {@code anju.crypto.suite}.
 *
 * @param name   a stable name, e.g. {@code api-token}
 * @param pinned the algorithm this use always takes, or null to follow the suite
 */
public record CryptoPurpose(String name, HashAlgorithm pinned) {

    public CryptoPurpose {
        if (name == null || !name.matches("[a-z0-9.-]{2,60}")) {
            throw new IllegalArgumentException("purpose name: " + name);
        }
    }

    /** A value we write and read ourselves: it takes the active suite's algorithm and names it. */
    public static CryptoPurpose stored(String name) {
        return new CryptoPurpose(name, null);
    }

    /** A value others recompute with an algorithm we published or they prescribe: it never changes with the suite. */
    public static CryptoPurpose pinned(String name, HashAlgorithm algorithm) {
        return new CryptoPurpose(name, algorithm);
    }

    public boolean followsSuite() {
        return pinned == null;
    }
}
