package cn.anju.shared.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * A real PostgreSQL 18 server run from the zonky binaries, with its data in a directory that survives
 * restarts. One server per data directory per JVM: Spring contexts that share a directory share the server,
 * each holding a reference; the server stops when the last one releases it, i.e. when the last context closes.
 * (zonky's own shutdown hook is off: it would stop the database while Spring, in its own hook, still uses it.)
 * Every login needs a password: see {@link EmbeddedClusterSecurity} for the roles and how an older, trusting data
 * directory is brought over.
 */
public final class EmbeddedPostgresServer {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    private static final Map<Path, EmbeddedPostgresServer> RUNNING = new ConcurrentHashMap<>();
    /** Directories already wiped by this JVM: a clean start means the first one, not every one after a stop. */
    private static final Set<Path> CLEANED = ConcurrentHashMap.newKeySet();

    private final EmbeddedPostgres postgres;
    private final Path dataDirectory;
    private final EmbeddedCredentials credentials;
    private int references;
    private boolean stopped;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, Path dataDirectory, EmbeddedCredentials credentials) {
        this.postgres = postgres;
        this.dataDirectory = dataDirectory;
        this.credentials = credentials;
    }

    static {
        // Last resort for a reference never released: give Spring's own shutdown a moment to close its contexts.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10); // a timeout: the monotonic clock
            synchronized (EmbeddedPostgresServer.class) {
                long left;
                while (!RUNNING.isEmpty() && (left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())) > 0) {
                    try {
                        EmbeddedPostgresServer.class.wait(left); // woken by stop()
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }
            List.copyOf(RUNNING.values()).forEach(EmbeddedPostgresServer::stop);
        }, "embedded-postgres-stop"));
    }

    /** Starts the server for this data directory, or returns the one this JVM already started; call
     * {@link #release()} when done with it. */
    public static synchronized EmbeddedPostgresServer startOrGet(Path dataDirectory, int port, boolean cleanOnStart) {
        Path dir = dataDirectory.toAbsolutePath().normalize();
        EmbeddedPostgresServer server = RUNNING.computeIfAbsent(dir, d -> start(d, port, cleanOnStart));
        server.references++;
        return server;
    }

    /** Gives back one reference; the last one stops the server. */
    public void release() {
        synchronized (EmbeddedPostgresServer.class) {
            references--;
            if (references > 0) {
                return;
            }
        }
        stop();
    }

    private static EmbeddedPostgresServer start(Path dir, int port, boolean clean) {
        try {
            Files.createDirectories(dir.getParent());
            DataDirectoryGuard.hold(dir);
            DataDirectoryGuard.stopOrphanedPostmaster(dir);
            if (clean && CLEANED.add(dir)) {
                DataDirectoryGuard.deleteRecursively(dir);
            }
            Optional<EmbeddedCredentials> known = EmbeddedCredentials.read(dir);
            EmbeddedClusterSecurity.refuseLockedOut(dir, known);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dir)
                    .setCleanDataDirectory(false)
                    // zonky turns durability off for test speed; these are real records.
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("fsync", "on")
                    .setServerConfig("full_page_writes", "on")
                    .setServerConfig("max_connections", "100")
                    .setLocaleConfig("encoding", "UTF8")
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setRegisterShutdownHook(false)
                    // the server's own log beside its data directory (e.g. data/postgres.log), kept for operators
                    // and scanned by the build for personal data
                    .setOutputRedirector(ProcessBuilder.Redirect.appendTo(logFile(dir).toFile()))
                    .setErrorRedirector(ProcessBuilder.Redirect.appendTo(logFile(dir).toFile()));
            if (port > 0) {
                builder.setPort(port);
            }
            // zonky checks the server is up by logging in as postgres: with the password once there is one
            known.ifPresent(c -> builder.setConnectConfig("password", c.superuser().password()));
            EmbeddedPostgres pg = builder.start();
            EmbeddedCredentials credentials;
            try {
                credentials = EmbeddedClusterSecurity.secure(pg.getPort(), dir, known);
            } catch (RuntimeException e) {
                pg.close(); // no postgres left running that nobody in this JVM knows about
                throw e;
            }
            log.info("Embedded PostgreSQL started on port {} with data in {}", pg.getPort(), dir);
            return new EmbeddedPostgresServer(pg, dir, credentials);
        } catch (IOException e) {
            throw new UncheckedIOException("嵌入式 PostgreSQL 启动失败 / embedded PostgreSQL failed to start: " + dir, e);
        }
    }

    /** Stops the server (fast shutdown) and forgets it, whoever still holds it; the data stays. */
    public void stop() {
        synchronized (EmbeddedPostgresServer.class) {
            if (stopped) {
                return;
            }
            stopped = true;
            RUNNING.remove(dataDirectory, this);
            EmbeddedPostgresServer.class.notifyAll();
        }
        try {
            postgres.close();
            log.info("Embedded PostgreSQL stopped ({})", dataDirectory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path logFile(Path dataDirectory) {
        return dataDirectory.resolveSibling(dataDirectory.getFileName() + ".log");
    }

    /** Drops this JVM's handle without stopping the server, as a crash would: for the recovery test. */
    static void forgetForTest(EmbeddedPostgresServer server) {
        synchronized (EmbeddedPostgresServer.class) {
            server.stopped = true;
            RUNNING.remove(server.dataDirectory, server);
        }
    }

    public int port() {
        return postgres.getPort();
    }

    /** The URL of a database without any login in it: give the user and password of one of {@link #credentials()}. */
    public String jdbcUrl(String database) {
        return EmbeddedClusterSecurity.jdbcUrl(postgres.getPort(), database);
    }

    /** The superuser, owner and application logins; for the platform's own wiring and for tests, never to log. */
    public EmbeddedCredentials credentials() {
        return credentials;
    }

    /**
     * Creates the database if it does not exist yet (CREATE DATABASE cannot run inside a transaction), owned by
     * the owner role, and lets the application role use its rows.
     */
    public void ensureDatabase(String database) {
        if (!database.matches("[a-z_][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("Invalid database name: " + database);
        }
        createIfMissing(database);
        EmbeddedClusterSecurity.prepareDatabase(port(), database, credentials);
    }

    private void createIfMissing(String database) {
        try (Connection c = EmbeddedClusterSecurity.connect(port(), "postgres", credentials.superuser());
             var exists = c.prepareStatement("select 1 from pg_database where datname = ?")) {
            exists.setString(1, database);
            try (var rs = exists.executeQuery()) {
                if (rs.next()) {
                    return;
                }
            }
            try (var create = c.createStatement()) {
                create.execute("create database " + database + " owner " + EmbeddedCredentials.OWNER
                        + " encoding 'UTF8' template template0");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create database " + database, e);
        }
    }
}
