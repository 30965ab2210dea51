package cn.anju.evaluation;

import java.math.BigDecimal;
import java.time.Instant;

/** A manual leaf's latest score: the percentage of the leaf earned, its written basis and evidence file, who and when. */
public record ManualScore(String leafCode, BigDecimal percent, String basis, String evidenceName, String evidenceSha256, long scoredBy,
                          Instant scoredAt) {
}
