package cn.anju.disclosure;

import cn.anju.shared.state.State;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * A request for information (依申请公开): RECEIVED (its 20 working days running) → ANSWERED; or RECEIVED → EXTENDED
 * (once, by up to 20 more working days, with a written reason the bureau's leader approved) → ANSWERED. An extended
 * request cannot be extended again: the table has no EXTENDED → EXTENDED.
 */
public enum InformationRequestState implements State<InformationRequestState> {
    RECEIVED("办理中"), EXTENDED("已延期"), ANSWERED("已答复");

    private static final Map<InformationRequestState, Set<InformationRequestState>> TRANSITIONS = Map.of(
            RECEIVED, EnumSet.of(EXTENDED, ANSWERED),
            EXTENDED, EnumSet.of(ANSWERED),
            ANSWERED, EnumSet.noneOf(InformationRequestState.class));

    private final String label;

    InformationRequestState(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }

    @Override
    public boolean canBecome(InformationRequestState next) {
        return TRANSITIONS.get(this).contains(next);
    }
}
