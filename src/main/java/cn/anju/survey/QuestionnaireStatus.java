package cn.anju.survey;

import cn.anju.shared.state.State;

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

    @Override
    public boolean canBecome(QuestionnaireStatus next) {
        return this == DRAFT && next == PUBLISHED;
    }
}
