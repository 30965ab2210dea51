package cn.anju.shared.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * The three logins of the embedded server and where their generated passwords live: one file per role in the data
 * directory, readable by its owner only (0600), like the data files themselves. Whoever can read them can read
 * the data directory anyway; nobody else can.
 *
 * @param superuser {@code postgres}: creates roles and databases, nothing else uses it
 * @param owner     {@code anju_owner}: owns the schema and every table; Flyway runs as it
 * @param app       {@code anju_app}: the platform at run time; owns nothing, may not change audit rows
 */
public record EmbeddedCredentials(Login superuser, Login owner, Login app) {

    public static final String SUPERUSER = "postgres";
    public static final String OWNER = "anju_owner";
    public static final String APP = "anju_app";

    private static final SecureRandom RANDOM = new SecureRandom();

    /** A role and its password; {@link #toString()} leaves the password out, so a log line can never show it. */
    public record Login(String user, String password) {
        @Override
        public String toString() {
            return "Login[" + user + "]";
        }
    }

    /** The passwords a previous start wrote, or empty for a data directory made by initdb -A trust (first start,
     * or a directory from before the platform used passwords). A half-written set counts as none. */
    static Optional<EmbeddedCredentials> read(Path dataDirectory) {
        Path s = file(dataDirectory, SUPERUSER);
        Path o = file(dataDirectory, OWNER);
        Path a = file(dataDirectory, APP);
        if (!Files.exists(s) || !Files.exists(o) || !Files.exists(a)) {
            return Optional.empty();
        }
        return Optional.of(new EmbeddedCredentials(read(s, SUPERUSER), read(o, OWNER), read(a, APP)));
    }

    /** Fresh random passwords: 192 bits each, in characters that need no quoting anywhere. */
    static EmbeddedCredentials generate() {
        return new EmbeddedCredentials(new Login(SUPERUSER, randomPassword()), new Login(OWNER, randomPassword()),
                new Login(APP, randomPassword()));
    }

    /** Writes the three files, each to a 0600 temporary file first and then moved into place, so that a crash
     * never leaves a half-written password behind. The superuser's comes last: {@link #read} wants all three. */
    void write(Path dataDirectory) {
        write(dataDirectory, app);
        write(dataDirectory, owner);
        write(dataDirectory, superuser);
    }

    private static void write(Path dataDirectory, Login login) {
        Path target = file(dataDirectory, login.user());
        try {
            Path tmp = Files.createTempFile(dataDirectory, ".anju-password", ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(tmp, login.password() + "\n", StandardCharsets.US_ASCII);
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the password file " + target, e);
        }
    }

    private static Login read(Path file, String user) {
        try {
            String password = Files.readString(file, StandardCharsets.US_ASCII).strip();
            if (password.isEmpty()) {
                throw new IllegalStateException("The password file " + file + " is empty");
            }
            return new Login(user, password);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the password file " + file, e);
        }
    }

    static Path file(Path dataDirectory, String user) {
        return dataDirectory.resolve("anju-" + user + ".password");
    }

    private static String randomPassword() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
