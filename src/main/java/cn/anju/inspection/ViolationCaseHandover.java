package cn.anju.inspection;

import cn.anju.contract.HandoverSource;
import cn.anju.shared.state.States;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.List;

/** Violation cases not closed in an ended contract's projects; they follow the project to the successor's coverage. */
@Component
class ViolationCaseHandover implements HandoverSource {

    private final JdbcClient jdbc;

    ViolationCaseHandover(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Line> open(Place place) {
        List<Long> ids = jdbc.sql("""
                        select id from violation_case where district_code = ? and (? or project_id = any(?)) and state = any(?)
                         order by id""")
                .params(place.districtCode(), place.wholeDistrict(), place.projects(), States.names(CaseState.OPEN)).query(Long.class).list();
        return List.of(new Line("VIOLATION_CASES", "未结案的违规案件", ids.size(), null, ids));
    }
}
