package cn.anju.survey;

import org.springframework.modulith.NamedInterface;

/** What a question asks for. */
@NamedInterface("actions")
public enum QuestionKind {
    RATING("1-5分评分"), CHOICE("单选"), TEXT("文字回答");

    private final String label;

    QuestionKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
