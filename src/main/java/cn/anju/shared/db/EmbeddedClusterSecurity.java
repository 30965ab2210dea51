package cn.anju.shared.db;

import cn.anju.shared.db.EmbeddedCredentials.Login;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.Properties;

import static cn.anju.shared.db.EmbeddedCredentials.APP;
import static cn.anju.shared.db.EmbeddedCredentials.OWNER;

/**
 * Makes the embedded cluster ask for passwords and splits the platform's one superuser login into an owner, who
 * migrates, and an application role, who only reads and writes rows. zonky always runs {@code initdb -A trust};
 * so the first start of a new data directory, and the first start of one made before this class existed, both
 * land here with a trusting cluster and no password files, and take the same path: passwords set (sent as SCRAM
 * verifiers, so no password reaches the server's log), files written, {@code pg_hba.conf} switched, configuration
 * reloaded. Every step is idempotent, so a crash half-way is finished by the next start.
 */
final class EmbeddedClusterSecurity {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedClusterSecurity.class);
    static final String HBA_MARKER = "# anju: scram-sha-256";
    private static final String HBA = HBA_MARKER + """
             (written by the platform; passwords in anju-*.password beside this file, mode 0600)
            # TYPE  DATABASE     USER  ADDRESS        METHOD
            local   all          all                  scram-sha-256
            host    all          all   127.0.0.1/32   scram-sha-256
            host    all          all   ::1/128        scram-sha-256
            local   replication  all                  scram-sha-256
            host    replication  all   127.0.0.1/32   scram-sha-256
            host    replication  all   ::1/128        scram-sha-256
            """;

    private EmbeddedClusterSecurity() {
    }

    /** Before start: a cluster that already asks for passwords but whose password files are gone cannot be
     * opened by anyone; say so plainly instead of letting the start-up wait time out on failed logins. */
    static void refuseLockedOut(Path dataDirectory, Optional<EmbeddedCredentials> credentials) {
        if (credentials.isEmpty() && hbaIsOurs(dataDirectory)) {
            throw new IllegalStateException("嵌入式数据库的口令文件缺失 / the embedded PostgreSQL in " + dataDirectory
                    + " requires passwords but its files " + EmbeddedCredentials.file(dataDirectory, "*").getFileName()
                    + " are missing: restore them from the backup of the data directory");
        }
    }

    /** After start: sets passwords and roles if the files do not exist yet, and makes sure pg_hba.conf asks for
     * them. Returns the credentials to connect with from now on. */
    static EmbeddedCredentials secure(int port, Path dataDirectory, Optional<EmbeddedCredentials> existing) {
        EmbeddedCredentials credentials = existing.orElseGet(() -> {
            EmbeddedCredentials fresh = EmbeddedCredentials.generate();
            // still trusting: the superuser needs no password yet, and gets one now
            try (Connection c = connect(port, "postgres", new Login(EmbeddedCredentials.SUPERUSER, ""))) {
                createRoles(c, fresh);
            } catch (SQLException e) {
                throw new IllegalStateException("Could not set the embedded database's passwords", e);
            }
            fresh.write(dataDirectory);
            log.info("Embedded PostgreSQL: generated passwords for {}, {} and {} (files in {})",
                    fresh.superuser().user(), fresh.owner().user(), fresh.app().user(), dataDirectory);
            return fresh;
        });
        if (!hbaIsOurs(dataDirectory)) {
            writeHba(dataDirectory);
            try (Connection c = connect(port, "postgres", credentials.superuser());
                 Statement s = c.createStatement()) {
                s.execute("select pg_reload_conf()");
            } catch (SQLException e) {
                throw new IllegalStateException("Could not reload the embedded database's configuration", e);
            }
            log.info("Embedded PostgreSQL: password authentication (scram-sha-256) switched on");
        }
        return credentials;
    }

    private static void createRoles(Connection c, EmbeddedCredentials credentials) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (String role : new String[] {OWNER, APP}) {
                s.execute("do $$ begin if not exists (select from pg_roles where rolname = '" + role + "') then "
                        + "create role " + role + "; end if; end $$");
                // whatever an earlier hand may have given: neither role gets more than logging in
                s.execute("alter role " + role
                        + " login nosuperuser nocreatedb nocreaterole noreplication nobypassrls inherit");
            }
        }
        PGConnection pg = c.unwrap(PGConnection.class);
        for (Login login : new Login[] {credentials.superuser(), credentials.owner(), credentials.app()}) {
            // computes the SCRAM verifier here: the clear password never travels nor lands in a server log
            pg.alterUserPassword(login.user(), login.password().toCharArray(), "scram-sha-256");
        }
    }

    /**
     * Gives the database to the owner role and lets the application role work on its rows. A database from the
     * trust era has everything owned by {@code postgres}: it is handed over (in one transaction) and its existing
     * tables granted once; later tables are granted by the owner's default privileges. The audit tables lose
     * UPDATE and DELETE again in Flyway's afterMigrate callback, which runs before the platform serves anyone.
     */
    static void prepareDatabase(int port, String database, EmbeddedCredentials credentials) {
        try (Connection c = connect(port, database, credentials.superuser()); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            boolean handOver = needsHandOver(s, database);
            if (handOver) {
                s.execute("alter database " + database + " owner to " + OWNER);
                s.execute("alter schema public owner to " + OWNER);
                s.execute(HAND_OVER_OBJECTS);
            }
            s.execute("revoke create on schema public from public");
            s.execute("grant usage on schema public to " + APP);
            s.execute("alter default privileges for role " + OWNER + " in schema public "
                    + "grant select, insert, update, delete on tables to " + APP);
            s.execute("alter default privileges for role " + OWNER + " in schema public "
                    + "grant usage, select on sequences to " + APP);
            if (handOver) {
                s.execute("grant select, insert, update, delete on all tables in schema public to " + APP);
                s.execute("grant usage, select on all sequences in schema public to " + APP);
                log.info("Embedded PostgreSQL: database {} handed over to {}; {} granted its rows", database, OWNER, APP);
            }
            c.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not prepare the roles of database " + database, e);
        }
    }

    private static boolean needsHandOver(Statement s, String database) throws SQLException {
        try (var rs = s.executeQuery("select (select pg_get_userbyid(datdba) from pg_database where datname = '"
                + database + "') <> '" + OWNER + "' or exists (select from pg_class c join pg_namespace n on "
                + "n.oid = c.relnamespace where n.nspname = 'public' and c.relowner <> '" + OWNER + "'::regrole)")) {
            rs.next();
            return rs.getBoolean(1);
        }
    }

    /** Tables, views and free-standing sequences, then functions and procedures, of schema public still owned by
     * someone else. Identity and serial sequences follow their table. */
    private static final String HAND_OVER_OBJECTS = """
            do $$
            declare r record;
            begin
                for r in select c.oid::regclass as name, c.relkind from pg_class c
                           join pg_namespace n on n.oid = c.relnamespace
                          where n.nspname = 'public' and c.relowner <> 'anju_owner'::regrole
                            and c.relkind in ('r', 'p', 'v', 'm', 'S', 'f')
                            and not exists (select from pg_depend d where d.classid = 'pg_class'::regclass
                                              and d.objid = c.oid and d.deptype in ('a', 'i'))
                loop
                    execute format('alter %s %s owner to anju_owner',
                        case r.relkind when 'v' then 'view' when 'm' then 'materialized view'
                                       when 'S' then 'sequence' when 'f' then 'foreign table' else 'table' end,
                        r.name);
                end loop;
                for r in select p.oid::regprocedure as name from pg_proc p join pg_namespace n on n.oid = p.pronamespace
                          where n.nspname = 'public' and p.proowner <> 'anju_owner'::regrole and p.prokind in ('f', 'p')
                loop
                    execute format('alter routine %s owner to anju_owner', r.name);
                end loop;
            end $$""";

    static Connection connect(int port, String database, Login login) throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", login.user());
        p.setProperty("password", login.password());
        return DriverManager.getConnection(jdbcUrl(port, database), p);
    }

    static String jdbcUrl(int port, String database) {
        return "jdbc:postgresql://localhost:" + port + "/" + database;
    }

    private static boolean hbaIsOurs(Path dataDirectory) {
        Path hba = dataDirectory.resolve("pg_hba.conf");
        try {
            return Files.exists(hba) && Files.readString(hba, StandardCharsets.UTF_8).startsWith(HBA_MARKER);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeHba(Path dataDirectory) {
        Path hba = dataDirectory.resolve("pg_hba.conf");
        try {
            Path tmp = dataDirectory.resolve("pg_hba.conf.anju-tmp");
            Files.writeString(tmp, HBA, StandardCharsets.UTF_8);
            Files.move(tmp, hba, StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + hba, e);
        }
    }
}
