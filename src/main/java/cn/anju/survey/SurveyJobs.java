package cn.anju.survey;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;

/**
 * The survey module's schedules: waiting answers written in batches every minute, and waves whose window has ended
 * closed after midnight (which writes their last answers).
 */
@Component
class SurveyJobs {

    private final AnswerBatches batches;
    private final SurveyRecords records;
    private final SurveyWaves waves;
    private final JdbcClient jdbc;
    private final Clock clock;

    SurveyJobs(AnswerBatches batches, SurveyRecords records, SurveyWaves waves, JdbcClient jdbc, Clock clock) {
        this.batches = batches;
        this.records = records;
        this.waves = waves;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${anju.survey.batch-every:60s}", initialDelayString = "${anju.survey.batch-every:60s}")
    @SchedulerLock(name = "survey-answer-batches")
    void writeBatches() {
        batches.flushAll();
    }

    @Scheduled(cron = "0 5 0 * * *", zone = "${anju.zone}")
    @SchedulerLock(name = "survey-close-ended")
    void closeEnded() {
        closeEndedWaves(LocalDate.now(clock));
    }

    /** Closes every open wave whose window ended before the day; answers how many. */
    int closeEndedWaves(LocalDate day) {
        var ended = jdbc.sql("select id from survey_wave where status = ? and ends_on < ?").params(WaveStatus.OPEN.name(), day).query(Long.class).list();
        ended.forEach(id -> records.wave(id).ifPresent(waves::closeEnded));
        return ended.size();
    }
}
