package cn.anju.maintenance;

import org.springframework.modulith.NamedInterface;

/** What is broken: the common parts and shared facilities the contract buys the upkeep of. */
@NamedInterface("api")
public enum Category {
    ELEVATOR("电梯"), WATER_SUPPLY("供水"), DRAINAGE("排水"), ELECTRICAL("电气"), LIGHTING("照明"), FIRE_SAFETY("消防"),
    ROOF_WATERPROOFING("屋面及公共部位防水"), DOORS_ACCESS("门禁及单元门"), CORRIDORS_STAIRS("楼道及楼梯"),
    ROADS_GREENERY("道路及绿化"), OTHER("其他");

    private final String label;

    Category(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
