package cn.anju;

import cn.anju.shared.crypto.Crypto;
import cn.anju.shared.crypto.CryptoSuite;
import cn.anju.shared.crypto.TestCrypto;
import cn.anju.support.ForkedJars;
import cn.anju.support.WebClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static cn.anju.support.ForkedJars.deleteRecursively;
import static cn.anju.support.ForkedJars.freePort;
import static cn.anju.support.ForkedJars.single;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The switch an operator makes, with the real jar: a demo database written under INTERNATIONAL, the platform restarted
 * with {@code ANJU_CRYPTO_SUITE=GUOMI} and {@code --anju.command=reencrypt} run. Every personal field then holds SM4-GCM
 * and decrypts to what it held, every blind index is HMAC-SM3 and the search by ID number still finds the household,
 * and the audit chain verifies across the switch, naming both algorithms.
 */
class CryptoSuiteSwitchIT {

    static final Path JAR = Path.of("target", "anju.jar");
    static final Path DATA = Path.of("target", "it-crypto");
    /** The encrypted columns of personal data that re-encryption moves, with their purposes. */
    static final Map<String, String> FIELDS = Map.of(
            "household_member.id_number", "select id, id_number from household_member where id_number is not null",
            "household_member.phone", "select id, phone from household_member where phone is not null",
            "app_user.contact_phone", "select id, contact_phone from app_user where contact_phone is not null",
            "feedback_case.sender", "select id, sender from feedback_case where sender is not null");
    final List<Process> started = new ArrayList<>();

    @AfterEach
    void stopAll() {
        started.forEach(Process::destroyForcibly);
    }

    @Test
    void aDemoDatabaseSwitchedToGuomiAndReEncryptedReadsSearchesAndVerifies() throws Exception {
        deleteRecursively(DATA);
        int pg = freePort();
        int web = freePort();
        Crypto international = TestCrypto.crypto(CryptoSuite.INTERNATIONAL);
        Crypto guomi = TestCrypto.crypto(CryptoSuite.GUOMI);

        Process first = start("international", CryptoSuite.INTERNATIONAL, web, pg);
        Map<String, Map<Long, String>> before = new LinkedHashMap<>();
        String someIdNumber;
        long itsHousehold;
        try (Connection db = connect(pg)) {
            for (var field : FIELDS.entrySet()) {
                before.put(field.getKey(), decryptAll(db, field.getValue(), field.getKey(), international, "enc:v1:A256GCM:dev1:"));
            }
            // a member of a household in Yuyang, whose officer searches below
            long member = single(db, """
                    select m.id from household_member m join household h on h.id = m.household_id
                     where h.district_code = '610802' order by m.id limit 1""");
            someIdNumber = before.get("household_member.id_number").get(member);
            itsHousehold = single(db, "select household_id from household_member where id = " + member);
        }
        assertThat(before.get("household_member.id_number")).hasSizeGreaterThan(100);
        assertThat(auditVerification(web).get("algorithms").toString()).isEqualTo("[\"SHA-256\"]");
        first.destroy();
        assertThat(first.waitFor(60, TimeUnit.SECONDS)).isTrue();

        Process reencrypt = process("reencrypt", CryptoSuite.GUOMI, freePort(), pg, "--anju.command=reencrypt");
        assertThat(reencrypt.waitFor(300, TimeUnit.SECONDS)).isTrue();
        String out = Files.readString(log("reencrypt"));
        assertThat(reencrypt.exitValue()).as(out).isZero();
        assertThat(out).containsPattern("REENCRYPTED [1-9][0-9]* values");

        Process second = start("guomi", CryptoSuite.GUOMI, web, pg);
        try (Connection db = connect(pg)) {
            for (var field : FIELDS.entrySet()) {
                assertThat(decryptAll(db, field.getValue(), field.getKey(), guomi, "enc:v1:SM4GCM:dev-sm4:"))
                        .as(field.getKey() + ": every value moved to SM4 and decrypts to what it held")
                        .isEqualTo(before.get(field.getKey()));
            }
            assertThat(single(db, """
                    select count(*) from household_member where id_number_index not like 'hmac-sm3:%'
                        or phone_index not like 'hmac-sm3:%' or phone_last4_index not like 'hmac-sm3:%'""")).isZero();
            assertThat(single(db, "select count(*) from feedback_case where sender_index not like 'hmac-sm3:%'")).isZero();
        }
        JsonNode found = WebClient.json(WebClient.loggedIn(web, "yuyang.gov").getJson("/api/v1/households?idNumber=" + someIdNumber));
        assertThat(found.get("items").size()).isEqualTo(1);
        assertThat(found.get("items").get(0).get("id").asLong()).isEqualTo(itsHousehold);

        JsonNode verification = auditVerification(web);
        assertThat(verification.get("intact").asBoolean()).as(verification.toString()).isTrue();
        assertThat(verification.get("algorithms").toString()).isEqualTo("[\"SHA-256\",\"SM3\"]");
        second.destroy(); // a graceful stop takes its embedded PostgreSQL down with it
        assertThat(second.waitFor(60, TimeUnit.SECONDS)).isTrue();
    }

    private static Map<Long, String> decryptAll(Connection db, String sql, String purpose, Crypto crypto, String prefix) throws Exception {
        Map<Long, String> values = new LinkedHashMap<>();
        try (var st = db.createStatement(); ResultSet rs = st.executeQuery(sql + " order by id")) {
            while (rs.next()) {
                String stored = rs.getString(2);
                assertThat(stored).as(purpose + " #" + rs.getLong(1)).startsWith(prefix);
                values.put(rs.getLong(1), crypto.decrypt(purpose, stored));
            }
        }
        return values;
    }

    private static JsonNode auditVerification(int web) {
        HttpResponse<String> r = WebClient.loggedIn(web, "auditor").getJson("/api/v1/audit/verification");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return WebClient.json(r);
    }

    private Process start(String name, CryptoSuite suite, int port, int pg) throws Exception {
        Process p = process(name, suite, port, pg);
        ForkedJars.waitForHealth(port, p, log(name), 300);
        return p;
    }

    /** The jar on the same embedded database each time, the suite set as an operator sets it: in the environment. */
    private Process process(String name, CryptoSuite suite, int port, int pg, String... extra) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"), "-Xmx512m", "-jar",
                JAR.toString(), "--spring.profiles.active=demo", "--server.port=" + port,
                "--anju.embedded-db.port=" + pg, "--anju.embedded-db.data-dir=" + DATA.resolve("pg"),
                "--anju.files.root=" + DATA.resolve("files"), "--anju.audit.head-dir=" + DATA.resolve("audit"),
                "--anju.rent.bill-cron=-", "--anju.lease.daily-cron=-"));
        cmd.addAll(List.of(extra));
        ProcessBuilder builder = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log(name).toFile());
        builder.environment().put("ANJU_CRYPTO_SUITE", suite.name());
        Process p = builder.start();
        started.add(p);
        return p;
    }

    private static Path log(String name) {
        return Path.of("target", "it-crypto-" + name + ".log");
    }

    private static Connection connect(int pg) throws Exception {
        String password = Files.readString(DATA.resolve("pg").resolve("anju-anju_app.password")).strip();
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + pg + "/anju", "anju_app", password);
    }
}
