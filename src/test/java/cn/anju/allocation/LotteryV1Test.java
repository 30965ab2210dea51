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
                applicants.add(LotteryV1.Applicant.parse(line));
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

    @Test
    void reproducesWorkedExampleTwoByPoints() throws Exception {
        List<LotteryV1.Applicant> applicants = new ArrayList<>();
        boolean inApplicants = false;
        for (String line : Files.readAllLines(Path.of("tools/lottery-verifier/example-2.txt"))) {
            if (line.equals("applicants:")) {
                inApplicants = true;
            } else if (line.equals("order:")) {
                inApplicants = false;
            } else if (inApplicants) {
                applicants.add(LotteryV1.Applicant.parse(line));
            }
        }
        String digest = LotteryV1.digest(LotteryV1.listText(applicants));
        assertThat(digest).isEqualTo("03e947bd05f996cc97d97057e1d969392816e8e2ced2758bbf6da6025e524007");
        byte[] key = LotteryV1.drawKey("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f", "20261126", digest);
        assertThat(LotteryV1.order(LotteryV1.POINTS_VERSION, applicants, List.of(1, 2, 3, 4, 5, 6), key))
                .containsExactly("A00005", "A00002", "A00003", "A00006", "A00001", "A00004");
    }
}
