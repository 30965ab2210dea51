package cn.anju.inspection;

import cn.anju.shared.state.State;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * A violation case's states and which change leads where:
 * DRAFT → REPORTED → UNDER_REVIEW → DECIDED → RECTIFIED | VACATED | CLOSED. An officer may send a case under review
 * back to DRAFT for more evidence, and take a RECTIFY decision back under review when its deadline passed unmet;
 * a draft the operator drops is CLOSED.
 */
public enum CaseState implements State<CaseState> {
    DRAFT("草稿"), REPORTED("已上报"), UNDER_REVIEW("审查中"), DECIDED("已决定"), RECTIFIED("已整改"), VACATED("已腾退"),
    CLOSED("已结案");

    private static final Map<CaseState, Set<CaseState>> TRANSITIONS = Map.of(
            DRAFT, EnumSet.of(REPORTED, CLOSED),
            REPORTED, EnumSet.of(UNDER_REVIEW),
            UNDER_REVIEW, EnumSet.of(DECIDED, DRAFT),
            DECIDED, EnumSet.of(RECTIFIED, VACATED, CLOSED, UNDER_REVIEW),
            RECTIFIED, EnumSet.noneOf(CaseState.class),
            VACATED, EnumSet.noneOf(CaseState.class),
            CLOSED, EnumSet.noneOf(CaseState.class));

    /** Not yet done with: a step still leads somewhere. */
    public static final Set<CaseState> OPEN = Collections.unmodifiableSet(EnumSet.copyOf(
            TRANSITIONS.entrySet().stream().filter(e -> !e.getValue().isEmpty()).map(Map.Entry::getKey).toList()));

    /** Waiting for the government: reported, or under its review. */
    public static final Set<CaseState> TO_DECIDE = Collections.unmodifiableSet(EnumSet.of(REPORTED, UNDER_REVIEW));

    private final String label;

    CaseState(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }

    @Override
    public boolean canBecome(CaseState next) {
        return TRANSITIONS.get(this).contains(next);
    }

    public boolean open() {
        return OPEN.contains(this);
    }
}
