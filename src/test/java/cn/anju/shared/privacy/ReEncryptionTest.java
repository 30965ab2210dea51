package cn.anju.shared.privacy;

import cn.anju.shared.db.EmbeddedPostgresServer;
import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Key rotation moves every value to the new key, in batches, and can run again without harm. */
class ReEncryptionTest {

    @Test
    void movesEveryValueToTheActiveKeyAndIsIdempotent() {
        EmbeddedPostgresServer server = EmbeddedPostgresServer.startOrGet(Path.of("target/test-pg"), 0, false);
        String db = "reencrypt_" + ProcessHandle.current().pid();
        server.ensureDatabase(db);
        try (HikariDataSource ds = new HikariDataSource()) {
            ds.setJdbcUrl(server.jdbcUrl(db));
            ds.setUsername(server.credentials().owner().user());
            ds.setPassword(server.credentials().owner().password());
            JdbcClient jdbc = JdbcClient.create(ds);
            jdbc.sql("drop table if exists person").update();
            jdbc.sql("create table person (id bigint primary key, id_number text)").update();
            FieldCipher old = FieldCipherTest.cipher("k1", Map.of("k1", FieldCipherTest.KEY1));
            int rows = 1234; // more than two batches
            for (int i = 1; i <= rows; i++) {
                String number = IdNumbers.of("610802", LocalDate.of(1970, 1, 1).plusDays(i), i % 1000);
                jdbc.sql("insert into person values (?, ?)").params(i, old.encrypt(number, "person.id_number")).update();
            }
            FieldCipher rotated = FieldCipherTest.cipher("k2", Map.of("k1", FieldCipherTest.KEY1, "k2", FieldCipherTest.KEY2));
            EncryptedColumn column = new EncryptedColumn("person", "id", "id_number", "person.id_number");
            ReEncryption reEncryption = new ReEncryption(List.of(column), rotated, jdbc,
                    new TransactionTemplate(new DataSourceTransactionManager(ds)));

            assertThat(reEncryption.run()).isEqualTo(rows);
            assertThat(jdbc.sql("select count(*) from person where id_number like 'enc:v1:A256GCM:k2:%'")
                    .query(Long.class).single()).isEqualTo(rows);
            String first = jdbc.sql("select id_number from person where id = 1").query(String.class).single();
            assertThat(rotated.decrypt(first, "person.id_number"))
                    .isEqualTo(IdNumbers.of("610802", LocalDate.of(1970, 1, 2), 1));
            assertThat(reEncryption.run()).isZero();
        } finally {
            server.release();
        }
    }
}
