package cn.anju.maintenance;

import cn.anju.contract.HandoverSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.EnumSet;
import java.util.List;

/** Work orders not yet finished in an ended contract's projects; they follow the project to the successor's coverage. */
@Component
class WorkOrderHandover implements HandoverSource {

    private static final String[] FINISHED = EnumSet.of(WorkOrderState.CONFIRMED, WorkOrderState.REFUSED, WorkOrderState.REFERRED)
            .stream().map(Enum::name).toArray(String[]::new);

    private final JdbcClient jdbc;

    WorkOrderHandover(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Line> open(Place place) {
        List<Long> ids = jdbc.sql("""
                        select id from work_order where district_code = ? and (? or project_id = any(?)) and state <> all(?)
                         order by id""")
                .params(place.districtCode(), place.wholeDistrict(), place.projects(), FINISHED).query(Long.class).list();
        return List.of(new Line("WORK_ORDERS", "未办结的维修工单", ids.size(), null, ids));
    }
}
