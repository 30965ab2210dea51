package cn.anju.survey;

import cn.anju.audit.AuditLog;
import cn.anju.audit.AuditOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The separate step that writes answers. A submission leaves its answer waiting under a random id; a batch takes a
 * wave's waiting answers (at least {@code anju.survey.batch-min} of them, or all when the wave closes), shuffles them,
 * writes each under a fresh random id with the batch's day in one transaction, deletes the waiting rows and records only how many it wrote.
 * So an answer's id, its place among the rows and its transaction id are shared with its batch and say nothing of the
 * token that let it in (docs/surveys.md, "Anonymity").
 */
@Component
class AnswerBatches {

    private static final Logger log = LoggerFactory.getLogger(AnswerBatches.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final AuditLog audit;
    private final int batchMin;
    private final Clock clock;

    AnswerBatches(JdbcClient jdbc, TransactionTemplate tx, AuditLog audit, @Value("${anju.survey.batch-min:5}") int batchMin,
                  Clock clock) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.audit = audit;
        this.batchMin = batchMin;
        this.clock = clock;
    }

    private record Waiting(UUID id, long project, String answers) {
    }

    /** Writes the wave's waiting answers when there are enough of them (or {@code all}); answers how many. */
    int flush(long waveId, boolean all) {
        Integer written = tx.execute(status -> {
            List<Waiting> waiting = new ArrayList<>(jdbc.sql("""
                            select id, project_id, answers::text from survey_answer_pending
                             where wave_id = ? for update""" + (all ? "" : " skip locked"))
                    .param(waveId)
                    .query((rs, n) -> new Waiting(rs.getObject(1, UUID.class), rs.getLong(2), rs.getString(3))).list());
            if (waiting.isEmpty() || !all && waiting.size() < batchMin) {
                return 0;
            }
            Collections.shuffle(waiting, RANDOM);
            for (Waiting w : waiting) {
                // the day of the batch, not of the answer: a project's single answer of a day cannot be told by its date
                jdbc.sql("insert into survey_answer (id, wave_id, project_id, answered_on, answers) values (?, ?, ?, ?, ?::jsonb)")
                        .params(UUID.randomUUID(), waveId, w.project(), LocalDate.now(clock), w.answers()).update();
            }
            jdbc.sql("delete from survey_answer_pending where id = any(?)")
                    .param(waiting.stream().map(Waiting::id).toArray(UUID[]::new)).update();
            audit.record(SurveyAudit.SURVEY_ANSWER_BATCH, "survey_wave", waveId, AuditOutcome.SUCCESS, Map.of("answers", waiting.size()));
            return waiting.size();
        });
        if (written != null && written > 0) {
            sweep();
        }
        return written == null ? 0 : written;
    }

    /** Every wave with answers waiting, each flushed when it has enough (a closed wave's whatever it has). */
    int flushAll() {
        int total = 0;
        for (var wave : jdbc.sql("""
                        select distinct p.wave_id, w.status = ? from survey_answer_pending p join survey_wave w on w.id = p.wave_id""")
                .param(WaveStatus.CLOSED.name())
                .query((rs, n) -> new Object[]{rs.getLong(1), rs.getBoolean(2)}).list()) {
            total += flush((Long) wave[0], (Boolean) wave[1]);
        }
        return total;
    }

    /**
     * Removes the deleted waiting rows from the table's pages now, rather than whenever autovacuum comes by. VACUUM
     * cannot run inside a transaction; a flush inside one (a closing made within a larger step) leaves it to the next
     * batch and to autovacuum.
     */
    void sweep() {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            return;
        }
        try {
            jdbc.sql("vacuum survey_answer_pending").update();
        } catch (RuntimeException e) {
            log.info("vacuum of survey_answer_pending skipped: {}", e.getClass().getSimpleName());
        }
    }
}
