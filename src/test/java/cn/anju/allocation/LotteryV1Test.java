package cn.anju.allocation;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The platform's lottery reproduces the worked example published in docs/lottery.md. */
class LotteryV1Test {

    @Test
    void reproducesWorkedExampleOne() throws Exception {
        List<String> lines = Files.readAllLines(Path.of("tools/lottery-verifier/example-1.txt"));
        List<LotteryV1.Applicant> applicants = new ArrayList<>();
        List<String> order = new ArrayList<>();
        boolean inApplicants = false;
        boolean inOrder = false;
        for (String line : lines) {
            if (line.equals("applicants:")) {
                inApplicants = true;
            } else if (line.equals("order:")) {
                inApplicants = false;
                inOrder = true;
            } else if (inApplicants) {
                String[] p = line.split("\\|");
                applicants.add(new LotteryV1.Applicant(p[0], Integer.parseInt(p[1]), p[2], p[3]));
            } else if (inOrder && !line.isBlank()) {
                order.add(line);
            }
        }
        String seed = "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f";
        String digest = LotteryV1.digest(LotteryV1.listText(applicants));
        assertThat(digest).isEqualTo("f598c4890569fa644d0cdfeb77f716ad921bbd70f284402504ac90044edd5461");
        assertThat(LotteryV1.commitment(seed)).isEqualTo("928432239788a681520fade1e920b0e2f70b4bf8a2a79dfea76c5077459eabef");
        byte[] key = LotteryV1.drawKey(seed, "385712", digest);
        assertThat(LotteryV1.tag(key, "A00004")).isEqualTo("1d0a21b2a732c63aac6884ab050c9e3218b4e15c88231a4e20f3c4732688d2c6");
        assertThat(LotteryV1.order(applicants, List.of(2, 1), key))
                .containsExactly("A00004", "A00002", "A00005", "A00003", "A00001")
                .isEqualTo(order);
    }
}
