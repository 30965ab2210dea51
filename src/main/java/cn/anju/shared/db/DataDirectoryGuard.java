package cn.anju.shared.db;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Who may use an embedded server's data directory, before the server starts on it: this JVM holds a lock beside it
 * for its lifetime, and a postgres a killed JVM left running on it is shut down first.
 */
final class DataDirectoryGuard {

    private static final Logger log = LoggerFactory.getLogger(DataDirectoryGuard.class);

    private DataDirectoryGuard() {
    }

    /** Lock files this JVM holds for its lifetime, by data directory: the operating system frees them when it dies. */
    private static final Map<Path, FileChannel> HELD = new ConcurrentHashMap<>();

    /** A running platform locks {@code <data dir>.lock}: a second process on the folder is refused, not let stop it. */
    static void hold(Path dir) throws IOException {
        Path lockFile = dir.resolveSibling(dir.getFileName() + ".lock");
        FileChannel channel = HELD.get(dir.toAbsolutePath());
        if (channel != null) {
            return; // this JVM holds it already (a restart within one process)
        }
        channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        if (channel.tryLock() == null) {
            channel.close();
            throw new IllegalStateException("数据目录正被运行中的平台使用 / the data folder is in use by a running platform: "
                    + dir + ". 请使用平台内的每晚备份，或先停止平台再执行命令 / use the nightly backup, or stop the platform first.");
        }
        HELD.put(dir.toAbsolutePath(), channel);
    }

    /**
     * After a {@code kill -9} of the JVM its postgres lives on, holding the data directory. We find it through
     * {@code postmaster.pid} and check its command line names this directory (process ids are reused, so a
     * live pid alone proves nothing), then ask it to shut down fast. A pid file whose process is gone or is
     * someone else's is stale and removed.
     */
    static void stopOrphanedPostmaster(Path dataDirectory) throws IOException {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
        if (lines.isEmpty() || lines.getFirst().isBlank()) {
            Files.deleteIfExists(pidFile);
            return;
        }
        long pid = Long.parseLong(lines.getFirst().trim());
        Optional<ProcessHandle> process = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
        if (process.isPresent() && isPostmasterOf(pid, dataDirectory)) {
            log.warn("Found an orphaned embedded PostgreSQL (pid {}) holding {}; shutting it down", pid, dataDirectory);
            signal(pid, "INT"); // fast shutdown: roll back open transactions, checkpoint, exit
            if (!waitForExit(process.get(), Duration.ofSeconds(30))) {
                signal(pid, "QUIT");
                waitForExit(process.get(), Duration.ofSeconds(10));
            }
        }
        Files.deleteIfExists(pidFile);
    }

    private static boolean isPostmasterOf(long pid, Path dataDirectory) {
        try {
            byte[] raw = Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline"));
            String cmdline = new String(raw, StandardCharsets.UTF_8).replace('\0', ' ');
            return cmdline.contains("postgres") && cmdline.contains(dataDirectory.toString());
        } catch (IOException e) {
            return false;
        }
    }

    private static void signal(long pid, String signal) {
        try {
            new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO().start().waitFor();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean waitForExit(ProcessHandle process, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos(); // a timeout, not a date: the monotonic clock
        while (process.isAlive() && System.nanoTime() - deadline < 0) {
            try {
                process.onExit().get(200, TimeUnit.MILLISECONDS);
            } catch (TimeoutException ignored) {
                // keep waiting until the deadline
            } catch (Exception e) {
                break;
            }
        }
        return !process.isAlive();
    }

    static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
