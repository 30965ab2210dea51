package cn.anju.disclosure;

import cn.anju.shared.state.State;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * DRAFT (drafted by the platform, or redrafted) → PUBLISHED (reviewed by a second person when its type needs it) →
 * WITHDRAWN (with a reason, still listed in the change log) → DRAFT again (a new version) → PUBLISHED.
 */
public enum DisclosureStatus implements State<DisclosureStatus> {
    DRAFT("待公开"), PUBLISHED("已公开"), WITHDRAWN("已撤回");

    private static final Map<DisclosureStatus, Set<DisclosureStatus>> TRANSITIONS = Map.of(
            DRAFT, EnumSet.of(PUBLISHED),
            PUBLISHED, EnumSet.of(WITHDRAWN),
            WITHDRAWN, EnumSet.of(DRAFT));

    private final String label;

    DisclosureStatus(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }

    @Override
    public boolean canBecome(DisclosureStatus next) {
        return TRANSITIONS.get(this).contains(next);
    }
}
