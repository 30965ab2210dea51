package cn.anju.housing;

import cn.anju.support.PlatformTest;
import cn.anju.support.WebClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The district's officer registers a project's buildings and their shared facilities, which the unit import and the
 * preventive schedules then build on; nobody else may, and a building number is taken once per project.
 */
@PlatformTest
class BuildingRegisterTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    long project(WebClient officer) {
        // named to sort after the demo's projects, so forms that offer the district's first project still offer a demo one
        String name = "验收测试楼栋登记" + UUID.randomUUID().toString().substring(0, 6);
        return WebClient.json(officer.postJson("/api/v1/projects", "{\"districtCode\":\"610802\",\"name\":\"" + name
                + "\",\"address\":\"榆阳区测试路1号\",\"builtYear\":2024}")).get("id").asLong();
    }

    @Test
    void theOfficerRegistersBuildingsAndFacilitiesThatTheUnitsAndSchedulesUse() {
        WebClient officer = WebClient.loggedIn(port, "yuyang.gov");
        long project = project(officer);
        var created = officer.postJson("/api/v1/projects/" + project + "/buildings", "{\"number\":\"1\",\"floors\":18,\"hasElevator\":true}");
        assertThat(created.statusCode()).isEqualTo(201);
        long building = WebClient.json(created).get("id").asLong();
        assertThat(jdbc.sql("select floors || ',' || has_elevator || ',' || district_code from building where id = ?").param(building)
                .query(String.class).single()).isEqualTo("18,true,610802");
        var again = officer.postJson("/api/v1/projects/" + project + "/buildings", "{\"number\":\"1\",\"floors\":6}");
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(WebClient.json(again).get("code").asString()).isEqualTo("BUILDING_NUMBER_TAKEN");
        assertThat(WebClient.json(officer.postJson("/api/v1/projects/" + project + "/buildings", "{\"number\":\"2\",\"floors\":0}"))
                .get("code").asString()).isEqualTo("BUILDING_FLOORS_OUT_OF_RANGE");

        var facility = officer.postJson("/api/v1/projects/" + project + "/facilities", "{\"buildingId\":" + building
                + ",\"kind\":\"ELEVATOR\",\"name\":\"1栋1号电梯\",\"location\":\"1栋1单元\",\"maker\":\"西子奥的斯\",\"installedOn\":\"2024-09-01\",\"inspectionCycleDays\":15}");
        assertThat(facility.statusCode()).isEqualTo(201);
        long facilityId = WebClient.json(facility).get("id").asLong();
        // the register is what maintenance schedules: the operator's manager plans its servicing
        var schedule = WebClient.loggedIn(port, "anju.manager").postJson("/api/v1/facilities/" + facilityId + "/schedules",
                "{\"task\":\"电梯半月保养\",\"category\":\"ELEVATOR\",\"everyDays\":15}");
        assertThat(schedule.statusCode()).as(schedule.body()).isEqualTo(201);

        long elsewhere = jdbc.sql("select id from building where project_id <> ? order by id limit 1").param(project).query(Long.class).single();
        assertThat(WebClient.json(officer.postJson("/api/v1/projects/" + project + "/facilities", "{\"buildingId\":" + elsewhere
                + ",\"kind\":\"FIRE_EQUIPMENT\",\"name\":\"消防栓\",\"location\":\"楼梯间\",\"inspectionCycleDays\":30}")).get("code").asString())
                .isEqualTo("BUILDING_NOT_IN_PROJECT");
    }

    @Test
    void onlyTheProjectsDistrictOfficersRegisterIt() {
        long project = project(WebClient.loggedIn(port, "yuyang.gov"));
        for (String who : new String[]{"hengshan.gov", "anju.manager", "anju.staff", "yuyang.finance"}) {
            var r = WebClient.loggedIn(port, who).postJson("/api/v1/projects/" + project + "/buildings", "{\"number\":\"9\",\"floors\":6}");
            assertThat(r.statusCode()).as(who).isEqualTo(403);
        }
        assertThat(WebClient.loggedIn(port, "yuyang.gov").postJson("/api/v1/projects/999999999/buildings", "{\"number\":\"1\",\"floors\":6}")
                .statusCode()).isEqualTo(404);
        assertThat(jdbc.sql("select count(*) from building where project_id = ?").param(project).query(Long.class).single()).isZero();
    }
}
