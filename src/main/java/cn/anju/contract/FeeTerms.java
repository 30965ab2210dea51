package cn.anju.contract;

import cn.anju.shared.web.ProblemException;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the purchaser pays, before the score: per unit under management per month by unit type (户型, e.g. 一室一厅; the
 * type {@value #OTHER_LAYOUTS} for every type not listed) or a lump sum for the year; paid monthly or quarterly.
 * Amounts in fen.
 */
public record FeeTerms(Kind kind, Map<String, Long> ratesFen, Long lumpSumFen, Cycle cycle) {

    public static final String OTHER_LAYOUTS = "其他";

    public enum Kind {
        PER_UNIT("按在管套数每月计费"), LUMP_SUM("包干总价");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public enum Cycle {
        MONTHLY("按月"), QUARTERLY("按季");

        private final String label;

        Cycle(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public FeeTerms {
        if (kind == null || cycle == null) {
            throw ProblemException.badRequest("FEE_TERMS_REQUIRED", "请填写计费方式（按套每月或包干总价）和支付周期（按月或按季）。");
        }
        ratesFen = ratesFen == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(ratesFen));
        if (kind == Kind.PER_UNIT) {
            if (ratesFen.isEmpty() || ratesFen.values().stream().anyMatch(v -> v == null || v <= 0)
                    || ratesFen.keySet().stream().anyMatch(k -> k == null || k.isBlank())) {
                throw ProblemException.badRequest("FEE_RATES_REQUIRED", "按套计费须为每种户型填写大于0的每套每月单价。");
            }
            lumpSumFen = null;
        } else {
            if (lumpSumFen == null || lumpSumFen <= 0) {
                throw ProblemException.badRequest("LUMP_SUM_REQUIRED", "包干计费须填写大于0的年度总价。");
            }
            ratesFen = Map.of();
        }
    }

    /** The monthly rate of a unit of this layout, in fen (the {@value #OTHER_LAYOUTS} rate for an unlisted one, else 0). */
    public long monthlyRate(String layout) {
        return ratesFen.getOrDefault(layout, ratesFen.getOrDefault(OTHER_LAYOUTS, 0L));
    }
}
