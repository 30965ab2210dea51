package cn.anju.evaluation;

import cn.anju.shared.crypto.Crypto;
import cn.anju.shared.crypto.CryptoPurpose;
import cn.anju.shared.crypto.HashAlgorithm;
import cn.anju.contract.ContractTerms;
import cn.anju.shared.measure.Measure;
import cn.anju.shared.measure.MeasureDefinition;
import cn.anju.shared.measure.MeasurePeriod;
import cn.anju.shared.measure.MeasureRecord;
import cn.anju.shared.measure.MeasureScope;
import cn.anju.shared.measure.MeasureValue;
import cn.anju.shared.measure.Measures;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Computes a computed leaf's measure for a contract's period and freezes it with the records behind it. Each place the
 * contract covered counts only over its own days within the period (a project dropped mid-quarter counts until it was
 * dropped); the parts add up as Σ numerators ÷ Σ denominators. A figure that can only be read for today (e.g. vacancy,
 * which keeps no history) is read on the day of freezing over the places covered on the period's last day, and says so
 * by its {@code asOf}.
 */
@Component
class MeasureFreezer {

    private final Measures measures;
    private final ContractTerms contracts;
    private final FrozenMeasures frozen;
    private final Clock clock;

    MeasureFreezer(Measures measures, ContractTerms contracts, FrozenMeasures frozen, Clock clock) {
        this.measures = measures;
        this.contracts = contracts;
        this.frozen = frozen;
        this.clock = clock;
    }

    /** Freezes the leaf's figure as {@code version}, with the reason for a later version (an accepted objection). */
    FrozenMeasure freeze(Evaluation e, List<ContractTerms.Place> places, IndicatorLeaf leaf, int version, Long by, String reason) {
        Measure measure = measures.find(leaf.measureCode()).orElseThrow(() -> new IllegalStateException("no measure " + leaf.measureCode()));
        MeasureDefinition d = measure.definition();
        LocalDate today = LocalDate.now(clock);
        EvaluationPeriod p = e.period();
        List<MeasureValue> parts = new ArrayList<>();
        LocalDate asOf = p.to();
        MeasurePeriod whole;
        if (d.period() == MeasurePeriod.Kind.RANGE) {
            whole = new MeasurePeriod.Range(p.from(), p.to());
            for (ContractTerms.Place place : places) {
                place.within(p.from(), p.to()).ifPresent(days ->
                        parts.add(measure.compute(scope(days), new MeasurePeriod.Range(days.from(), days.to()))));
            }
        } else {
            asOf = d.backfillable() || today.isBefore(p.to()) ? p.to() : today;
            whole = new MeasurePeriod.AsOf(asOf);
            for (ContractTerms.Place place : places) {
                if (place.within(p.to(), p.to()).isPresent()) {
                    parts.add(measure.compute(scope(place), whole));
                }
            }
        }
        MeasureValue v = MeasureValue.aggregate(d, whole, parts);
        BigDecimal value = v.applicable() ? v.ratio() : null;
        return frozen.insert(e.id(), leaf, version, asOf, d.denominatorUnit(), v, value, digest(v.records()), by, reason);
    }

    private static MeasureScope scope(ContractTerms.Place place) {
        return place.projectId() == null ? MeasureScope.districts(place.districtCode()) : MeasureScope.projects(place.projectId());
    }

    /**
     * SHA-256 over the records in order, one UTF-8 line each: {@code kind|id|inNumerator|base|part\n}, base and part
     * with two decimals or empty.
     */
    static String digest(List<MeasureRecord> records) {
        StringBuilder lines = new StringBuilder();
        for (MeasureRecord r : records) {
            lines.append(r.kind().name()).append('|').append(r.id()).append('|').append(r.inNumerator()).append('|')
                    .append(plain(r.base())).append('|').append(plain(r.part())).append('\n');
        }
        return Crypto.digestPinned(PUBLISHED, lines.toString().getBytes(StandardCharsets.UTF_8)).hex();
    }

    /** Published and re-checked by tools/evaluation-verifier: SHA-256 whatever the suite. */
    static final CryptoPurpose PUBLISHED = CryptoPurpose.pinned("evaluation-inputs", HashAlgorithm.SHA256);

    /** Two decimals, as the records are stored, so anyone can redo the digest from the drill-down. */
    private static String plain(BigDecimal v) {
        return v == null ? "" : v.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString();
    }
}
