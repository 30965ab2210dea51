package cn.anju.evaluation;

import org.springframework.modulith.NamedInterface;

import java.time.Instant;

/**
 * The disclosure module published an evaluation's result (its public item): the evaluation becomes PUBLISHED. The
 * evaluation owns the event type so that disclosure depends on evaluation and not the other way round.
 */
@NamedInterface("api")
public record EvaluationResultPublished(long evaluationId, long itemId, Instant at) {
}
