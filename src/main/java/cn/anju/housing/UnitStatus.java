package cn.anju.housing;

import cn.anju.shared.state.State;
import org.springframework.modulith.NamedInterface;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The states of a unit and, explicitly, which change leads where: a vacant unit is reserved in a selection,
 * occupied when the lease starts, vacant again after move-out; repair and offline take it out of allocation.
 */
@NamedInterface("api")
public enum UnitStatus implements State<UnitStatus> {
    VACANT("空置"), RESERVED("已预订"), OCCUPIED("在住"), UNDER_REPAIR("维修中"), OFFLINE("停用");

    private static final Map<UnitStatus, Set<UnitStatus>> TRANSITIONS = Map.of(
            VACANT, EnumSet.of(RESERVED, UNDER_REPAIR, OFFLINE),
            RESERVED, EnumSet.of(OCCUPIED, VACANT),
            OCCUPIED, EnumSet.of(VACANT, UNDER_REPAIR),
            UNDER_REPAIR, EnumSet.of(VACANT, OFFLINE),
            OFFLINE, EnumSet.of(VACANT, UNDER_REPAIR));

    private final String label;

    UnitStatus(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }

    @Override
    public boolean canBecome(UnitStatus next) {
        return TRANSITIONS.get(this).contains(next);
    }

    public Set<UnitStatus> next() {
        return EnumSet.copyOf(TRANSITIONS.get(this).isEmpty() ? EnumSet.noneOf(UnitStatus.class) : TRANSITIONS.get(this));
    }
}
