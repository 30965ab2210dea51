package cn.anju.survey;

import cn.anju.shared.state.State;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/** A questionnaire version is drafted, then published and frozen: DRAFT → PUBLISHED. */
public enum QuestionnaireStatus implements State<QuestionnaireStatus> {
    DRAFT("草稿"), PUBLISHED("已发布");

    private final String label;

    QuestionnaireStatus(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }

    private static final Map<QuestionnaireStatus, Set<QuestionnaireStatus>> TRANSITIONS = Map.of(
            DRAFT, EnumSet.of(PUBLISHED),
            PUBLISHED, EnumSet.noneOf(QuestionnaireStatus.class));

    @Override
    public boolean canBecome(QuestionnaireStatus next) {
        return TRANSITIONS.get(this).contains(next);
    }
}
