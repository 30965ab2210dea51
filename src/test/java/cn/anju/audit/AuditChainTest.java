package cn.anju.audit;

import cn.anju.shared.crypto.CryptoSuite;
import cn.anju.shared.crypto.HashAlgorithm;
import cn.anju.shared.crypto.TestCrypto;
import cn.anju.shared.db.EmbeddedPostgresServer;
import cn.anju.shared.web.PageQuery;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Tampering with the audit log by plain SQL, as a database administrator could, is detected and the first
 * affected row named; so is rewriting the whole chain inside the database. Each case gets a database of its own.
 */
class AuditChainTest {

    private static final AtomicInteger DATABASES = new AtomicInteger();

    @TempDir
    Path outside;

    EmbeddedPostgresServer server;
    HikariDataSource dataSource;
    JdbcClient jdbc;
    AuditLog log;
    AuditSealer sealer;
    AuditVerifier verifier;
    TransactionTemplate tx;
    ExternalChain external;

    @BeforeEach
    void freshDatabase() {
        server = EmbeddedPostgresServer.startOrGet(Path.of("target/test-pg"), 0, false);
        String name = "audit_case_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
        server.ensureDatabase(name);
        dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(server.jdbcUrl(name));
        // the database administrator's login: these cases play someone with every right on the database
        dataSource.setUsername(server.credentials().superuser().user());
        dataSource.setPassword(server.credentials().superuser().password());
        dataSource.setMaximumPoolSize(4); // Flyway holds more than two while it runs its afterMigrate callback
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        jdbc = JdbcClient.create(dataSource);
        TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        Clock clock = Clock.systemUTC();
        ExternalChain external = new ExternalChain(outside);
        log = new AuditLog(jdbc, clock);
        this.tx = tx;
        this.external = external;
        sealer = new AuditSealer(jdbc, tx, external, clock, TestCrypto.crypto(CryptoSuite.INTERNATIONAL));
        verifier = new AuditVerifier(jdbc, external);
        for (int i = 1; i <= 10; i++) {
            log.recordAnonymous(TestAudit.TEST_ACTION, "thing", i, AuditOutcome.SUCCESS, Map.of("n", i));
        }
        assertThat(sealer.seal()).isEqualTo(10);
        assertThat(verifier.verify().intact()).isTrue();
    }

    @AfterEach
    void close() {
        dataSource.close();
        server.release();
    }

    /** What an attacker with superuser rights does first: switch the append-only triggers off. */
    void asSuperuser(String... statements) {
        jdbc.sql("alter table audit_log disable trigger user").update();
        jdbc.sql("alter table audit_chain disable trigger user").update();
        for (String s : statements) {
            jdbc.sql(s).update();
        }
        jdbc.sql("alter table audit_log enable trigger user").update();
        jdbc.sql("alter table audit_chain enable trigger user").update();
    }

    @Test
    void theLogRefusesUpdatesAndDeletesOutright() {
        assertThatThrownBy(() -> jdbc.sql("update audit_log set action = 'X' where id = 3").update())
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("delete from audit_log where id = 3").update())
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("truncate audit_chain").update()).hasMessageContaining("append-only");
    }

    @Test
    void anEditedMiddleRowIsNamed() {
        asSuperuser("update audit_log set summary = '{\"n\":99}' where id = 5");
        AuditVerifier.Verification v = verifier.verify();
        assertThat(v.intact()).isFalse();
        assertThat(v.finding()).isEqualTo(AuditVerifier.Finding.ALTERED);
        assertThat(v.firstBadAuditId()).isEqualTo(5L);
        assertThat(v.message()).contains("#5");
    }

    @Test
    void aDeletedMiddleRowIsNamed() {
        asSuperuser("delete from audit_log where id = 6");
        AuditVerifier.Verification v = verifier.verify();
        assertThat(v.finding()).isEqualTo(AuditVerifier.Finding.DELETED);
        assertThat(v.firstBadAuditId()).isEqualTo(6L);
    }

    @Test
    void swappedRowsAreNamed() {
        asSuperuser(
                "update audit_log set target_id = 'tmp' where id = 4",
                "update audit_log set target_id = '4', summary = '{\"n\":4}' where id = 5",
                "update audit_log set target_id = '5', summary = '{\"n\":5}' where id = 4");
        AuditVerifier.Verification v = verifier.verify();
        assertThat(v.finding()).isEqualTo(AuditVerifier.Finding.ALTERED);
        assertThat(v.firstBadAuditId()).isEqualTo(4L);
    }

    @Test
    void aChainRecomputedInsideTheDatabaseIsCaughtByTheCopyOutside() {
        asSuperuser("update audit_log set summary = '{\"n\":77}' where id = 7");
        rewriteChainInDatabase();
        AuditVerifier.Verification v = verifier.verify();
        assertThat(v.intact()).isFalse();
        assertThat(v.finding()).isEqualTo(AuditVerifier.Finding.CHAIN_REWRITTEN);
        assertThat(v.firstBadAuditId()).isEqualTo(7L);
    }

    @Test
    void aRowDeletedTogetherWithItsChainLinkIsNamed() {
        asSuperuser("delete from audit_log where id = 3");
        rewriteChainInDatabase();
        AuditVerifier.Verification v = verifier.verify();
        assertThat(v.intact()).isFalse();
        assertThat(v.finding()).isEqualTo(AuditVerifier.Finding.REORDERED);
        assertThat(v.firstBadAuditId()).isEqualTo(3L);
    }

    @Test
    void theTailCutOffIsNamed() {
        asSuperuser("delete from audit_log where id >= 9", "delete from audit_chain where audit_id >= 9");
        AuditVerifier.Verification v = verifier.verify();
        assertThat(v.finding()).isEqualTo(AuditVerifier.Finding.TRUNCATED);
        assertThat(v.firstBadAuditId()).isEqualTo(9L);
    }

    @Test
    void newRowsAfterSealingAreReportedUnsealedUntilTheNextSeal() {
        log.recordAnonymous(TestAudit.LATER, "thing", 11, AuditOutcome.SUCCESS, Map.of());
        assertThat(verifier.verify().unsealedRows()).isEqualTo(1);
        sealer.seal();
        AuditVerifier.Verification v = verifier.verify();
        assertThat(v.intact()).isTrue();
        assertThat(v.checkedRows()).isEqualTo(11);
    }

    @Test
    void theChainCarriesOnAcrossASwitchToTheNationalSuiteWithEachLinkNamingItsAlgorithm() {
        AuditSealer guomi = new AuditSealer(jdbc, tx, external, Clock.systemUTC(), TestCrypto.crypto(CryptoSuite.GUOMI));
        for (int i = 11; i <= 15; i++) {
            log.recordAnonymous(TestAudit.LATER, "thing", i, AuditOutcome.SUCCESS, Map.of("n", i));
        }
        assertThat(guomi.seal()).isEqualTo(5);
        assertThat(jdbc.sql("select algorithm from audit_chain order by seq").query(String.class).list())
                .containsExactly("sha256", "sha256", "sha256", "sha256", "sha256", "sha256", "sha256", "sha256", "sha256", "sha256",
                        "sm3", "sm3", "sm3", "sm3", "sm3");
        AuditVerifier.Verification v = verifier.verify();
        assertThat(v.intact()).isTrue();
        assertThat(v.checkedRows()).isEqualTo(15);
        assertThat(v.algorithms()).containsExactly("SHA-256", "SM3");
        assertThat(v.message()).contains("SHA-256、SM3");
        // relabelling a link's algorithm does not pass
        asSuperuser("update audit_chain set algorithm = 'sha256' where audit_id = 12");
        assertThat(verifier.verify().firstBadAuditId()).isEqualTo(12L);
        asSuperuser("update audit_chain set algorithm = 'sm3' where audit_id = 12");
        assertThat(verifier.verify().intact()).isTrue();
        // the SM3 links are checked as hard as the SHA-256 ones
        asSuperuser("update audit_log set summary = '{\"n\":99}' where id = 13");
        AuditVerifier.Verification altered = verifier.verify();
        assertThat(altered.finding()).isEqualTo(AuditVerifier.Finding.ALTERED);
        assertThat(altered.firstBadAuditId()).isEqualTo(13L);
        assertThat(altered.algorithms()).containsExactly("SHA-256", "SM3");
    }

    @Test
    void aRowWrittenUnderALegacyNameKeepsItsHashAndShowsAndFiltersUnderTheNameItHasNow() {
        // written before the one convention, as the maintenance module did until 2026-12
        jdbc.sql("insert into audit_log (occurred_at, action, target_type, target_id, outcome, summary) "
                + "values (now(), 'work_order.accepted', 'work_order', '42', 'SUCCESS', '{}')").update();
        sealer.seal();
        assertThat(verifier.verify().intact()).as("the stored name stays as sealed").isTrue();
        assertThat(jdbc.sql("select action from audit_log where target_id = '42'").query(String.class).single())
                .isEqualTo("work_order.accepted");
        AuditQueries queries = new AuditQueries(jdbc, Clock.systemUTC());
        for (String typed : List.of("WORK_ORDER_ACCEPTED", "work_order_acc", "work_order.accepted")) {
            var found = queries.search(new AuditQueries.Filter(null, typed, null, null, null, null), PageQuery.of(1, 50)).items();
            assertThat(found).as(typed).extracting(AuditQueries.Entry::action).containsExactly("WORK_ORDER_ACCEPTED");
        }
        // the filter's underscore is a character, not LIKE's any-character
        assertThat(queries.search(new AuditQueries.Filter(null, "TEST_", null, null, null, null), PageQuery.of(1, 50)).items())
                .hasSize(10);
        assertThat(queries.search(new AuditQueries.Filter(null, "TESTXACTION", null, null, null, null), PageQuery.of(1, 50)).items())
                .isEmpty();
    }

    /** The attacker's full rewrite: recompute every row hash and chain hash inside the database. */
    private void rewriteChainInDatabase() {
        List<AuditRow> rows = jdbc.sql("select " + AuditRow.COLUMNS + " from audit_log order by id")
                .query((rs, n) -> AuditRow.from(rs)).list();
        jdbc.sql("alter table audit_chain disable trigger user").update();
        jdbc.sql("delete from audit_chain").update();
        String chain = AuditRow.GENESIS;
        long seq = 0;
        for (AuditRow row : rows) {
            String rowHash = row.rowHash(HashAlgorithm.SHA256);
            chain = AuditRow.chain(HashAlgorithm.SHA256, chain, rowHash);
            jdbc.sql("insert into audit_chain (seq, audit_id, row_hash, chain_hash, sealed_at) values (?, ?, ?, ?, now())")
                    .params(++seq, row.id(), rowHash, chain).update();
        }
        jdbc.sql("alter table audit_chain enable trigger user").update();
    }
}
