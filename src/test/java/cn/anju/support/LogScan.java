package cn.anju.support;

import cn.anju.shared.privacy.ChineseIdNumber;
import cn.anju.shared.privacy.Masks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The build's last step (not a JUnit test, so it runs after every test and the integration tests): reads every
 * log the run produced — the platform's (test output, forked-JVM logs), PostgreSQL's and the browser's — and
 * fails the build if any holds an 18-character ID number with a valid check character. The test suite plants
 * such numbers in bad requests, logins and forms, so a leak has something to show.
 *
 * <p>Run by Maven at {@code verify}: {@code java cn.anju.support.LogScan target}.
 */
public final class LogScan {

    static final Pattern CANDIDATE = Pattern.compile("(?<![0-9A-Za-z])[1-8][0-9]{16}[0-9Xx](?![0-9A-Za-z])");

    private LogScan() {
    }

    public record Leak(Path file, int line, String masked) {
    }

    public static void main(String[] args) throws IOException {
        Path root = Path.of(args.length > 0 ? args[0] : "target");
        List<Path> logs = logsUnder(root);
        List<Leak> leaks = scan(logs);
        System.out.println("LogScan: " + logs.size() + " log files read under " + root + ", "
                + leaks.size() + " ID numbers found");
        if (!leaks.isEmpty()) {
            leaks.stream().limit(50).forEach(l -> System.out.println("  " + l.file() + ":" + l.line() + " " + l.masked()));
            System.exit(1);
        }
    }

    static List<Path> logsUnder(Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).filter(LogScan::isLog).sorted().toList();
        }
    }

    private static boolean isLog(Path p) {
        String name = p.getFileName().toString();
        String path = p.toString();
        return name.endsWith(".log") || name.endsWith("-output.txt") || name.endsWith(".dumpstream")
                || (path.contains("surefire-reports") || path.contains("failsafe-reports")) && name.endsWith(".txt")
                || path.contains("browser-logs");
    }

    public static List<Leak> scan(List<Path> files) throws IOException {
        List<Leak> leaks = new ArrayList<>();
        for (Path file : files) {
            List<String> lines = Files.readAllLines(file, StandardCharsets.ISO_8859_1); // digits read the same
            for (int i = 0; i < lines.size(); i++) {
                Matcher m = CANDIDATE.matcher(lines.get(i));
                while (m.find()) {
                    if (ChineseIdNumber.isValid(m.group(), TestClock.today())) {
                        leaks.add(new Leak(file, i + 1, Masks.idNumber(m.group())));
                    }
                }
            }
        }
        return leaks;
    }
}
