package cn.anju.contract;

import java.time.LocalDate;

/** A project a contract covers from a day (signing or an amendment) through a day (an amendment dropping it), or on. */
public record CoveredProject(long projectId, LocalDate from, LocalDate to) {
}
