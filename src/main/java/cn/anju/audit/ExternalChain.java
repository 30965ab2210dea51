package cn.anju.audit;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The audit chain kept outside the database: an append-only file with one line per sealed row
 * ({@code seq audit_id chain_hash}) and a digest file per day holding that day's last chain hash, which can be
 * published or sent elsewhere. Whoever rewrites the chain inside the database cannot rewrite these as well.
 */
@NamedInterface("api")
@Component
public class ExternalChain {

    private final Path dir;

    public ExternalChain(@Value("${anju.audit.head-dir:data/audit}") Path dir) {
        this.dir = dir.toAbsolutePath().normalize();
    }

    public record Link(long seq, long auditId, String chainHash) {
    }

    synchronized void append(List<Link> links) {
        if (links.isEmpty()) {
            return;
        }
        StringBuilder text = new StringBuilder();
        for (Link l : links) {
            text.append(l.seq()).append(' ').append(l.auditId()).append(' ').append(l.chainHash()).append('\n');
        }
        try {
            Files.createDirectories(dir);
            Files.writeString(chainFile(), text, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND, StandardOpenOption.SYNC);
        } catch (IOException e) {
            throw new UncheckedIOException("审计链外部文件写入失败 / could not write the external audit chain", e);
        }
    }

    /** Writes the day's digest: the head of the chain at the end of the latest sealing that day. */
    synchronized void writeDigest(LocalDate day, Link head, long rowsThatDay) {
        try {
            Files.createDirectories(dir.resolve("digests"));
            Files.writeString(dir.resolve("digests").resolve(day + ".txt"),
                    "date=" + day + "\nhead_seq=" + head.seq() + "\nhead_audit_id=" + head.auditId()
                            + "\nhead_chain_hash=" + head.chainHash() + "\nrows_sealed_that_day=" + rowsThatDay + "\n",
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<Link> read() {
        Path file = chainFile();
        List<Link> links = new ArrayList<>();
        if (!Files.exists(file)) {
            return links;
        }
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String[] p = line.trim().split(" ");
                if (p.length == 3) {
                    links.add(new Link(Long.parseLong(p[0]), Long.parseLong(p[1]), p[2]));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return links;
    }

    public long lastSeq() {
        List<Link> all = read();
        return all.isEmpty() ? 0 : all.getLast().seq();
    }

    Path chainFile() {
        return dir.resolve("audit-chain.log");
    }

    public Path dir() {
        return dir;
    }
}
