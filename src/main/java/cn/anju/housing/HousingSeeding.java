package cn.anju.housing;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;

/**
 * Writes housing stock without a signed-in officer: for the demo data only (imports arrive with their own
 * checks). Idempotent by project name, so a restart adds nothing. No web path reaches this class.
 */
@NamedInterface("api")
@Service
public class HousingSeeding {

    private final JdbcClient jdbc;
    private final Clock clock;

    HousingSeeding(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public record UnitSpec(int floor, String number, String layout, BigDecimal buildingArea, BigDecimal usableArea,
                           BigDecimal rentArea, String orientation, UnitStatus status) {
    }

    public record BuildingSpec(String number, int floors, boolean elevator, List<UnitSpec> units) {
    }

    public boolean hasProject(String districtCode, String name) {
        return jdbc.sql("select count(*) from project where district_code = ? and name = ?").params(districtCode, name)
                .query(Long.class).single() > 0;
    }

    /** Returns the project id. */
    @Transactional
    public long project(String districtCode, String name, String address, int builtYear, List<BuildingSpec> buildings) {
        long projectId = jdbc.sql("insert into project (district_code, name, address, built_year, created_at) values (?, ?, ?, ?, ?) returning id")
                .params(districtCode, name, address, builtYear, Timestamp.from(clock.instant())).query(Long.class).single();
        for (BuildingSpec b : buildings) {
            long buildingId = jdbc.sql("insert into building (project_id, district_code, number, floors, has_elevator) values (?, ?, ?, ?, ?) returning id")
                    .params(projectId, districtCode, b.number(), b.floors(), b.elevator()).query(Long.class).single();
            for (UnitSpec u : b.units()) {
                jdbc.sql("""
                                insert into unit (project_id, building_id, district_code, floor, number, layout, building_area,
                                                  usable_area, rent_area, orientation, status)
                                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                        .params(projectId, buildingId, districtCode, u.floor(), u.number(), u.layout(), u.buildingArea(),
                                u.usableArea(), u.rentArea(), u.orientation(), u.status().name())
                        .update();
            }
            jdbc.sql("""
                            insert into shared_facility (project_id, building_id, district_code, kind, name, location, maker,
                                                         installed_on, inspection_cycle_days)
                            values (?, ?, ?, 'FIRE_EQUIPMENT', ?, ?, '榆林消防器材厂', make_date(?, 6, 1), 30)""")
                    .params(projectId, buildingId, districtCode, b.number() + "栋消防栓", b.number() + "栋各层楼梯间", builtYear)
                    .update();
            if (b.elevator()) {
                jdbc.sql("""
                                insert into shared_facility (project_id, building_id, district_code, kind, name, location, maker,
                                                             installed_on, inspection_cycle_days)
                                values (?, ?, ?, 'ELEVATOR', ?, ?, '西子奥的斯', make_date(?, 9, 1), 15)""")
                        .params(projectId, buildingId, districtCode, b.number() + "栋1号电梯", b.number() + "栋1单元", builtYear)
                        .update();
            }
        }
        return projectId;
    }
}
