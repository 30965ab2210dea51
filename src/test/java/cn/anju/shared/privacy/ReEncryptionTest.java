package cn.anju.shared.privacy;

import cn.anju.shared.crypto.Crypto;
import cn.anju.shared.crypto.CryptoSuite;
import cn.anju.shared.crypto.TestCrypto;
import cn.anju.shared.db.EmbeddedPostgresServer;
import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Key rotation moves every value to the new key, and a switch of the crypto suite moves every value and blind index
 * to the national algorithms, in batches, and can run again without harm.
 */
class ReEncryptionTest {

    static final int ROWS = 1234; // more than two batches

    EmbeddedPostgresServer server;
    HikariDataSource ds;
    JdbcClient jdbc;
    TransactionTemplate tx;

    @BeforeEach
    void database() {
        server = EmbeddedPostgresServer.startOrGet(Path.of("target/test-pg"), 0, false);
        String db = "reencrypt_" + ProcessHandle.current().pid();
        server.ensureDatabase(db);
        ds = new HikariDataSource();
        ds.setJdbcUrl(server.jdbcUrl(db));
        ds.setUsername(server.credentials().owner().user());
        ds.setPassword(server.credentials().owner().password());
        jdbc = JdbcClient.create(ds);
        tx = new TransactionTemplate(new DataSourceTransactionManager(ds));
        jdbc.sql("drop table if exists person").update();
        jdbc.sql("create table person (id bigint primary key, id_number text, id_number_index text unique, phone text, "
                + "phone_last4_index text)").update();
    }

    @AfterEach
    void close() {
        ds.close();
        server.release();
    }

    static String idNumber(int i) {
        return IdNumbers.of("610802", LocalDate.of(1970, 1, 1).plusDays(i), i % 1000);
    }

    static String phone(int i) {
        return "138" + String.format("%08d", i);
    }

    @Test
    void movesEveryValueToTheActiveKeyAndIsIdempotent() {
        FieldCipher old = FieldCipherTest.cipher("k1", Map.of("k1", FieldCipherTest.KEY1));
        for (int i = 1; i <= ROWS; i++) {
            jdbc.sql("insert into person (id, id_number) values (?, ?)").params(i, old.encrypt(idNumber(i), "person.id_number")).update();
        }
        Crypto rotatedCrypto = TestCrypto.crypto(CryptoSuite.INTERNATIONAL, "k2", null,
                Map.of("k1", FieldCipherTest.KEY1, "k2", FieldCipherTest.KEY2));
        FieldCipher rotated = new FieldCipher(rotatedCrypto);
        EncryptedColumn column = new EncryptedColumn("person", "id", "id_number", "person.id_number");
        ReEncryption reEncryption = new ReEncryption(List.of(column), List.of(), rotated, new BlindIndex(rotatedCrypto), jdbc, tx);

        assertThat(reEncryption.run()).isEqualTo(ROWS);
        assertThat(jdbc.sql("select count(*) from person where id_number like 'enc:v1:A256GCM:k2:%'")
                .query(Long.class).single()).isEqualTo(ROWS);
        String first = jdbc.sql("select id_number from person where id = 1").query(String.class).single();
        assertThat(rotated.decrypt(first, "person.id_number")).isEqualTo(idNumber(1));
        assertThat(reEncryption.run()).isZero();
    }

    @Test
    void aSwitchToTheNationalSuiteMovesFieldsAndBlindIndexesAndSearchesFindThroughout() {
        Crypto before = TestCrypto.crypto(CryptoSuite.INTERNATIONAL);
        FieldCipher aes = new FieldCipher(before);
        BlindIndex hmacSha256 = new BlindIndex(before);
        for (int i = 1; i <= ROWS; i++) {
            jdbc.sql("insert into person values (?, ?, ?, ?, ?)").params(i, aes.encrypt(idNumber(i), "person.id_number"),
                    hmacSha256.of(idNumber(i), "person.id_number"), aes.encrypt(phone(i), "person.phone"),
                    hmacSha256.of(phone(i).substring(7), "person.phone_last4")).update();
        }

        Crypto after = TestCrypto.crypto(CryptoSuite.GUOMI);
        FieldCipher sm4 = new FieldCipher(after);
        BlindIndex hmacSm3 = new BlindIndex(after);
        // switched, not yet re-encrypted: old values read, and searches look for both spellings of an index
        assertThat(sm4.decrypt(jdbc.sql("select id_number from person where id = 7").query(String.class).single(), "person.id_number"))
                .isEqualTo(idNumber(7));
        assertThat(findByIdNumber(hmacSm3, idNumber(7))).containsExactly(7L);

        ReEncryption reEncryption = new ReEncryption(
                List.of(new EncryptedColumn("person", "id", "id_number", "person.id_number"),
                        new EncryptedColumn("person", "id", "phone", "person.phone")),
                List.of(new BlindIndexColumn("person", "id", "id_number_index", "person.id_number", "id_number", "person.id_number",
                                ChineseIdNumber::normalise),
                        new BlindIndexColumn("person", "id", "phone_last4_index", "person.phone_last4", "phone", "person.phone",
                                p -> p.substring(p.length() - 4))),
                sm4, hmacSm3, jdbc, tx);
        assertThat(reEncryption.run()).isEqualTo(4L * ROWS);

        assertThat(jdbc.sql("""
                        select count(*) from person where id_number like 'enc:v1:SM4GCM:dev-sm4:%' and phone like 'enc:v1:SM4GCM:dev-sm4:%'
                           and id_number_index like 'hmac-sm3:%' and phone_last4_index like 'hmac-sm3:%'""")
                .query(Long.class).single()).isEqualTo(ROWS);
        List<String[]> all = jdbc.sql("select id, id_number, phone from person order by id")
                .query((rs, n) -> new String[]{rs.getString(1), rs.getString(2), rs.getString(3)}).list();
        for (String[] row : all) {
            int i = Integer.parseInt(row[0]);
            assertThat(sm4.decrypt(row[1], "person.id_number")).isEqualTo(idNumber(i));
            assertThat(sm4.decrypt(row[2], "person.phone")).isEqualTo(phone(i));
        }
        for (int i : new int[]{1, 500, ROWS}) {
            // the active spelling alone now finds every row
            assertThat(jdbc.sql("select id from person where id_number_index = ?").param(hmacSm3.of(idNumber(i), "person.id_number"))
                    .query(Long.class).list()).containsExactly((long) i);
            assertThat(jdbc.sql("select id from person where phone_last4_index = ?")
                    .param(hmacSm3.of(phone(i).substring(7), "person.phone_last4")).query(Long.class).list()).contains((long) i);
        }
        assertThat(reEncryption.run()).isZero();
    }

    private List<Long> findByIdNumber(BlindIndex index, String idNumber) {
        return jdbc.sql("select id from person where id_number_index = any(?)").param(index.anyOf(idNumber, "person.id_number"))
                .query(Long.class).list();
    }
}
