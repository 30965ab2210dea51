package cn.anju.survey;

import cn.anju.shared.state.State;
import org.springframework.modulith.NamedInterface;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/** A wave is set up, opened (tokens sent), then closed: DRAFT → OPEN → CLOSED. */
@NamedInterface("api")
public enum WaveStatus implements State<WaveStatus> {
    DRAFT("准备中"), OPEN("进行中"), CLOSED("已结束");

    private static final Map<WaveStatus, Set<WaveStatus>> TRANSITIONS = Map.of(
            DRAFT, EnumSet.of(OPEN),
            OPEN, EnumSet.of(CLOSED),
            CLOSED, EnumSet.noneOf(WaveStatus.class));

    private final String label;

    WaveStatus(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }

    @Override
    public boolean canBecome(WaveStatus next) {
        return TRANSITIONS.get(this).contains(next);
    }
}
