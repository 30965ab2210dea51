package cn.anju.evaluation;

import cn.anju.contract.ServiceContract;
import cn.anju.shared.measure.MeasureUnit;
import cn.anju.shared.web.ProblemException;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * What the API and the pages show of an evaluation. Counts are integers, amounts yuan with two decimals; a leaf's
 * {@code score} is the points it earns (0 to its {@code effectiveWeight}) and the total is their sum, half-up to two
 * decimals, so anyone can add it up again.
 */
@Component
public class EvaluationViews {

    private final Evaluations evaluations;
    private final EvaluationScope scope;
    private final FrozenMeasures frozen;
    private final ScoreRecords scores;
    private final SettlementRecords settlements;

    EvaluationViews(Evaluations evaluations, EvaluationScope scope, FrozenMeasures frozen, ScoreRecords scores, SettlementRecords settlements) {
        this.evaluations = evaluations;
        this.scope = scope;
        this.frozen = frozen;
        this.scores = scores;
        this.settlements = settlements;
    }

    public record Summary(long id, long contractId, String contractNo, String districtCode, long operatorId, String period,
                          String periodLabel, LocalDate startsOn, LocalDate endsOn, String status, String statusLabel, BigDecimal total,
                          String band, boolean terminationReview, LocalDate reviewUntil, int version) {
    }

    public record Leaf(String code, String name, String level, String levelLabel, String kind, String measureCode, BigDecimal target,
                       BigDecimal floor, String scorer, BigDecimal weight, BigDecimal effectiveWeight, boolean applicable, boolean scored,
                       BigDecimal value, BigDecimal score, Number numerator, Number denominator, String unit, String inputsDigest,
                       LocalDate asOf, Integer frozenVersion, List<Version> earlierVersions, BigDecimal percent, String basis,
                       String evidenceName) {
    }

    public record Version(int version, Number numerator, Number denominator, BigDecimal value, String inputsDigest, String reason) {
    }

    public record ObjectionView(long id, String leafCode, String reasons, String evidenceName, String status, String statusLabel,
                                String decision, int version) {
    }

    public record DeductionView(long id, String item, long amountFen, String evidenceName, String evidenceSha256) {
    }

    public record Detail(Summary summary, int treeVersion, List<Leaf> leaves, List<ObjectionView> objections, List<DeductionView> deductions,
                         Long settlementId) {
    }

    /**
     * A record behind a figure: {@code amount} what it adds to a yuan denominator, {@code count} what a group adds to a
     * count denominator, {@code numeratorPart} what it adds to the numerator when that is not simply 1 or 0 (paid yuan,
     * satisfied answers of a group, days to re-let); {@code base} and {@code part} as hashed into the digest.
     */
    public record Counted(int position, String kind, long recordId, String label, boolean inNumerator, BigDecimal amount, Long count,
                          BigDecimal numeratorPart, BigDecimal base, BigDecimal part) {
    }

    public record RecordPage(String leafCode, int version, String unit, Number denominator, long total, int page, int size,
                             List<Counted> items) {
    }

    public Summary summary(Evaluation e) {
        ServiceContract c = scope.contractOf(e);
        BigDecimal total = e.total();
        String band = e.band();
        if (!e.status().signed() && e.status() != EvaluationStatus.OPEN) {
            ScoreSheet sheet = evaluations.sheet(e);
            total = sheet.total();
            band = sheet.band().label();
        }
        return new Summary(e.id(), e.contractId(), c.contractNo(), e.districtCode(), e.operatorId(), e.period().code(), e.period().label(),
                e.period().from(), e.period().to(), e.status().name(), e.status().label(), total, band, e.terminationReview(), e.reviewUntil(),
                e.version());
    }

    public Detail detail(Evaluation e) {
        ScoreSheet sheet = evaluations.sheet(e);
        List<Leaf> leaves = sheet.lines().stream().map(EvaluationViews::leaf).toList();
        return new Detail(summary(e), sheet.tree().version(), leaves,
                scores.objections(e.id()).stream().map(o -> new ObjectionView(o.id(), o.leafCode(), o.reasons(), o.evidenceName(),
                        o.status().name(), o.status().label(), o.decision(), o.version())).toList(),
                scores.deductions(e.id()).stream().map(d -> new DeductionView(d.id(), d.item(), d.amountFen(), d.evidenceName(),
                        d.evidenceSha256())).toList(),
                settlements.ofEvaluation(e.id()).map(Settlement::id).orElse(null));
    }

    private static Leaf leaf(ScoreSheet.Line l) {
        IndicatorLeaf leaf = l.leaf();
        FrozenMeasure m = l.measure();
        return new Leaf(leaf.code(), leaf.name(), leaf.level().name(), leaf.level().label(), leaf.computed() ? "COMPUTED" : "MANUAL",
                leaf.measureCode(), leaf.target(), leaf.floor(), leaf.scorer() == null ? null : leaf.scorer().name(), leaf.weight(),
                l.effectiveWeight(), l.applicable(), l.scored(), m == null ? null : m.value(), l.score(),
                m == null ? null : number(m.unit(), m.numerator()), m == null ? null : number(m.unit(), m.denominator()),
                m == null ? null : m.unit().name(), m == null ? null : m.inputsDigest(), m == null ? null : m.asOf(),
                m == null ? null : m.version(),
                l.history().stream().map(h -> new Version(h.version(), number(h.unit(), h.numerator()), number(h.unit(), h.denominator()),
                        h.value(), h.inputsDigest(), h.reason())).toList(),
                l.manual() == null ? null : l.manual().percent(), l.manual() == null ? null : l.manual().basis(),
                l.manual() == null ? null : l.manual().evidenceName());
    }

    /** Counts as JSON integers, yuan with two decimals. */
    static Number number(MeasureUnit unit, BigDecimal v) {
        return unit == MeasureUnit.COUNT ? v.toBigIntegerExact() : v.setScale(2);
    }

    /** A page of the records behind a leaf's frozen figure (the current version, or an earlier one by number). */
    public RecordPage records(Evaluation e, String leafCode, Integer version, int page, int size) {
        List<FrozenMeasure> versions = frozen.all(e.id()).stream().filter(m -> m.leafCode().equals(leafCode)).toList();
        FrozenMeasure m = (version == null ? versions.stream().reduce((a, b) -> b)
                : versions.stream().filter(v -> v.version() == version).findFirst())
                .orElseThrow(() -> ProblemException.notFound("MEASURE_NOT_FROZEN", "指标「" + leafCode + "」没有已计算（冻结）的数据。"));
        int pageSize = Math.clamp(size, 1, 500);
        int pageNo = Math.clamp(page, 1, 1_000_000);
        List<Counted> items = frozen.records(m.id(), (pageNo - 1) * pageSize, pageSize).stream().map(r -> new Counted(r.position(), r.kind(),
                r.recordId(), r.label(), r.inNumerator(), m.unit() == MeasureUnit.YUAN ? r.base() : null,
                m.unit() == MeasureUnit.COUNT && r.base() != null ? r.base().longValue() : null, r.part(), r.base(), r.part())).toList();
        return new RecordPage(leafCode, m.version(), m.unit().name(), number(m.unit(), m.denominator()), m.recordCount(), pageNo, pageSize, items);
    }
}
