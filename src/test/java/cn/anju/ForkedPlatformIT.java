package cn.anju;

import cn.anju.support.ForkedJars;
import cn.anju.support.WebClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static cn.anju.support.ForkedJars.deleteRecursively;
import static cn.anju.support.ForkedJars.freePort;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged platform in its own JVM, as {@code java -jar} runs it with the embedded PostgreSQL: it starts,
 * keeps its data, and comes back after a {@code kill -9} of the JVM (which orphans its postgres) with no manual
 * step, keeping both the data and the signed-in sessions. Start-up time and resident memory are written to
 * target/platform-measurements.txt.
 */
class ForkedPlatformIT {

    static final Path JAR = Path.of("target", "anju.jar");
    static final Path DATA = Path.of("target", "it-platform");
    final List<Process> started = new ArrayList<>();

    @AfterEach
    void stopAll() {
        started.forEach(Process::destroyForcibly);
    }

    @Test
    void survivesKillMinusNineWithDataAndSessions() throws Exception {
        deleteRecursively(DATA);
        int port = freePort();

        Started first = start(port, "first");
        WebClient officer = WebClient.loggedIn(port, "yuyang.gov");
        String note = "IT-" + System.nanoTime();
        var created = officer.postJson("/api/v1/procurements", """
                {"districtCode":"610802","year":2027,"title":"%s","purchasingUnit":"榆阳区住房和城乡建设局",
                 "serviceItems":["MAINTENANCE"],"method":"PUBLIC_TENDER"}""".formatted(note));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);

        // kill -9: no shutdown hook runs, so the JVM's postgres is left running, holding the data directory
        long postmaster = Long.parseLong(Files.readAllLines(DATA.resolve("pg/postmaster.pid")).getFirst().trim());
        first.process.destroyForcibly().waitFor();
        assertThat(ProcessHandle.of(postmaster).map(ProcessHandle::isAlive).orElse(false))
                .as("the orphaned postgres outlives the killed JVM").isTrue();

        Started second = start(port, "second");
        var me = officer.getJson("/api/v1/me");
        assertThat(me.statusCode()).as("the session begun before the kill still works").isEqualTo(200);
        assertThat(officer.getJson("/api/v1/procurements").body()).contains(note);

        // a graceful stop stops postgres too
        second.process.destroy();
        assertThat(second.process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(ProcessHandle.of(postmaster).map(ProcessHandle::isAlive).orElse(false)).isFalse();

        // the audit chain written by both runs verifies from the command line, as an auditor would run it
        Process verify = command("--anju.command=audit-verify", "audit-verify");
        assertThat(verify.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String verifyOutput = Files.readString(Path.of("target", "it-platform-audit-verify.log"));
        assertThat(verify.exitValue()).as(verifyOutput).isZero();
        assertThat(verifyOutput).contains("AUDIT INTACT");

        Files.writeString(Path.of("target", "platform-measurements.txt"), String.format(
                "first start (fresh data dir, migrations + demo data): %.1f s to health UP; JVM RSS %d MiB, postgres PSS %d MiB%n"
                        + "restart after kill -9 (orphan recovery):             %.1f s to health UP; JVM RSS %d MiB, postgres PSS %d MiB%n",
                first.seconds, first.rssMiB, first.postgresPssMiB, second.seconds, second.rssMiB, second.postgresPssMiB));
    }

    record Started(Process process, double seconds, long rssMiB, long postgresPssMiB) {
    }

    @Test
    void productionRefusesToStartWithoutAPersonalDataKey() throws Exception {
        deleteRecursively(DATA.resolveSibling("it-prod-pg"));
        Process prod = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), "-Xmx256m", "-jar",
                JAR.toString(), "--spring.profiles.active=prod", "--server.port=0",
                "--anju.embedded-db.data-dir=" + DATA.resolveSibling("it-prod-pg"))
                .redirectErrorStream(true).redirectOutput(Path.of("target", "it-platform-prod.log").toFile()).start();
        started.add(prod);
        assertThat(prod.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(prod.exitValue()).isNotZero();
        assertThat(Files.readString(Path.of("target", "it-platform-prod.log"))).contains("密钥未配置");
    }

    private Process command(String argument, String name) throws IOException {
        Process process = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), "-Xmx512m",
                "-jar", JAR.toString(), "--spring.profiles.active=demo", argument,
                "--anju.embedded-db.data-dir=" + DATA.resolve("pg"), "--anju.files.root=" + DATA.resolve("files"),
                "--anju.audit.head-dir=" + DATA.resolve("audit"))
                .redirectErrorStream(true).redirectOutput(Path.of("target", "it-platform-" + name + ".log").toFile()).start();
        started.add(process);
        return process;
    }

    private Started start(int port, String name) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        Path log = Path.of("target", "it-platform-" + name + ".log");
        Instant begin = Instant.now();
        Process process = new ProcessBuilder(java, "-Xmx512m", "-jar", JAR.toString(),
                "--spring.profiles.active=demo", "--server.port=" + port,
                "--anju.embedded-db.data-dir=" + DATA.resolve("pg"), "--anju.files.root=" + DATA.resolve("files"),
                "--anju.audit.head-dir=" + DATA.resolve("audit"))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        started.add(process);
        waitForHealth(port, process, log);
        double seconds = Duration.between(begin, Instant.now()).toMillis() / 1000.0;
        return new Started(process, seconds, residentMiB(process.pid()), postgresPssMiB());
    }

    private static void waitForHealth(int port, Process process, Path log) throws Exception {
        ForkedJars.waitForHealth(port, process, log, 180);
    }

    private static long residentMiB(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
            }
        }
        return -1;
    }

    /** Proportional set size of the postmaster and its backends (shared buffers counted once). */
    private static long postgresPssMiB() throws IOException {
        long pid = Long.parseLong(Files.readAllLines(DATA.resolve("pg/postmaster.pid")).getFirst().trim());
        List<ProcessHandle> processes = new ArrayList<>();
        ProcessHandle.of(pid).ifPresent(p -> {
            processes.add(p);
            p.children().forEach(processes::add);
        });
        long kib = 0;
        for (ProcessHandle p : processes) {
            Path rollup = Path.of("/proc", Long.toString(p.pid()), "smaps_rollup");
            if (Files.isReadable(rollup)) {
                for (String line : Files.readAllLines(rollup)) {
                    if (line.startsWith("Pss:")) {
                        kib += Long.parseLong(line.replaceAll("[^0-9]", ""));
                    }
                }
            }
        }
        return kib / 1024;
    }

    private static String tail(Path log) throws IOException {
        return ForkedJars.tail(log);
    }
}
