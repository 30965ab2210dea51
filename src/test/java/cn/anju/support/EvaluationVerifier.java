package cn.anju.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** {@code tools/evaluation-verifier} run as anyone would run it: its own {@code java} process on a JSON file. */
public final class EvaluationVerifier {

    private EvaluationVerifier() {
    }

    /** Runs the verifier on the JSON: the exit code, a colon, what it printed. */
    public static String run(String json) throws IOException, InterruptedException {
        Path file = Files.createTempFile("evaluation", ".json");
        try {
            Files.writeString(file, json);
            String java = ProcessHandle.current().info().command().orElse("java");
            Process p = new ProcessBuilder(java, "tools/evaluation-verifier/Verify.java", file.toString()).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            return p.waitFor() + ":" + out;
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
