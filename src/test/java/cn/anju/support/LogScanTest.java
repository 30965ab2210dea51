package cn.anju.support;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The log scan finds a valid ID number wherever it stands in a log line, and nothing else. */
class LogScanTest {

    @TempDir
    Path dir;

    @Test
    void findsValidNumbersOnly() throws Exception {
        Path log = dir.resolve("platform.log");
        Files.writeString(log, String.join("\n",
                "2026-11-26 INFO login failed for user=11010519491231002X",        // valid: found
                "2026-11-26 INFO idNumber\":\"110105194912310021\"",               // wrong check char: ignored
                "2026-11-26 INFO hash=ab110105194912310021cd",                      // inside a hex run: ignored
                "2026-11-26 INFO seq=1101051949123100211",                          // 19 digits: ignored
                "2026-11-26 INFO masked=110105********002X"));
        var leaks = LogScan.scan(LogScan.logsUnder(dir));
        assertThat(leaks).hasSize(1);
        assertThat(leaks.getFirst().line()).isEqualTo(1);
        assertThat(leaks.getFirst().masked()).isEqualTo("110105********002X");
    }
}
