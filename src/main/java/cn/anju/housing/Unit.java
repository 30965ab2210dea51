package cn.anju.housing;

import cn.anju.shared.state.StateChange;
import cn.anju.shared.state.StateTable;

/** A unit as a change of its status needs it: where it is (for the scope), its status and version. */
record Unit(long id, String district, long project, UnitStatus status, int version) {

    static final StateTable<UnitStatus> TABLE = StateTable.of("unit", "status", UnitStatus.class, "房源");

    /** The unit becomes {@code to}, if {@link UnitStatus}'s table leads there from where it is. */
    StateChange<UnitStatus> becomes(UnitStatus to) {
        return TABLE.change(id, version, status, to);
    }
}
