package cn.anju;

import cn.anju.allocation.RoundQueries;
import cn.anju.support.PlatformTest;
import cn.anju.support.SelectionFixtures;
import cn.anju.support.TestClock;
import cn.anju.support.WebClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reads that moved from another module's tables to the owner's own answers (issue 15: each module owns its tables)
 * still give users what they saw: the expectations are written by hand against the owner's tables, as the readers
 * wrote them before.
 */
@PlatformTest
class OwnerReadsTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    RoundQueries rounds;

    @Test
    void aDrawnRoundsFreeUnitsAreItsPoolsVacantUnitsReadOutInBuildingFloorAndNumberOrder() {
        SelectionFixtures.Chosen chosen = SelectionFixtures.chosen(port, jdbc);
        List<String> byHand = jdbc.sql("""
                        select u.id || ' ' || b.number || '栋' || u.number || ' ' || u.layout || ' ' || u.building_area || '㎡'
                          from selection_round_unit p join unit u on u.id = p.unit_id join building b on b.id = u.building_id
                         where p.round_id = ? and u.status = 'VACANT' order by b.number, u.floor, u.number""")
                .param(chosen.roundId()).query(String.class).list();
        List<RoundQueries.FreeUnit> free = rounds.freeUnits(chosen.roundId());
        assertThat(free).extracting(f -> f.id() + " " + f.label()).isNotEmpty().containsExactlyElementsOf(byHand);
        assertThat(free).extracting(RoundQueries.FreeUnit::id).as("the unit just chosen is reserved").doesNotContain(chosen.unitId());
        assertThat(free.getFirst().label()).matches("\\S+栋\\S+ \\S+ \\d+\\.\\d{2}㎡");
    }

    @Test
    void aPatrolPlanMayNameOnlyABuildingOfItsProjectAndListsTheProjectsName() {
        record Project(long id, String name) {
        }
        Project project = jdbc.sql("select id, name from project where district_code = '610802' order by id limit 1")
                .query((rs, n) -> new Project(rs.getLong(1), rs.getString(2))).single();
        long own = jdbc.sql("select id from building where project_id = ? order by id limit 1").param(project.id()).query(Long.class).single();
        long foreign = jdbc.sql("select id from building where project_id <> ? order by id limit 1").param(project.id()).query(Long.class).single();
        WebClient manager = WebClient.loggedIn(port, "anju.manager");
        String later = TestClock.today().plusYears(1).toString(); // no task falls due while other tests count them
        var refused = manager.postJson("/api/v1/patrol-plans", plan(project.id(), foreign, later));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(WebClient.json(refused).get("code").asString()).isEqualTo("BUILDING_NOT_IN_PROJECT");
        var made = manager.postJson("/api/v1/patrol-plans", plan(project.id(), own, later));
        assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
        long id = WebClient.json(made).get("id").asLong();
        var listed = WebClient.json(manager.getJson("/api/v1/patrol-plans"));
        boolean found = false;
        for (var p : listed) {
            if (p.get("id").asLong() == id) {
                assertThat(p.get("projectName").asString()).isEqualTo(project.name());
                assertThat(p.get("buildingId").asLong()).isEqualTo(own);
                found = true;
            }
        }
        assertThat(found).as("the new plan is listed").isTrue();
    }

    static String plan(long project, long building, String firstDueOn) {
        return "{\"projectId\":" + project + ",\"buildingId\":" + building + ",\"name\":\"楼栋巡查\",\"everyDays\":30,"
                + "\"checklist\":[\"单元门禁\"],\"firstDueOn\":\"" + firstDueOn + "\"}";
    }
}
