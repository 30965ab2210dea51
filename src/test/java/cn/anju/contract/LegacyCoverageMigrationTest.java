package cn.anju.contract;

import cn.anju.shared.db.EmbeddedPostgresServer;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An installation that typed coverage by hand before contracts existed keeps every row's scope: the migration makes each
 * row a LEGACY contract of its own (same operator, district, project and days) and names it on the row, in a database
 * of its own migrated to the version before contracts, given rows, then migrated on.
 */
class LegacyCoverageMigrationTest {

    EmbeddedPostgresServer server;
    HikariDataSource dataSource;

    @AfterEach
    void close() {
        dataSource.close();
        server.release();
    }

    @Test
    void everyTypedCoverageRowBecomesALegacyContractAndKeepsItsDays() {
        server = EmbeddedPostgresServer.startOrGet(Path.of("target/test-pg"), 0, false);
        String name = "legacy_coverage_" + ProcessHandle.current().pid() + "_" + System.nanoTime();
        server.ensureDatabase(name);
        dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(server.jdbcUrl(name));
        dataSource.setUsername(server.credentials().superuser().user());
        dataSource.setPassword(server.credentials().superuser().password());
        dataSource.setMaximumPoolSize(4);
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").target("45").load().migrate();
        JdbcClient jdbc = JdbcClient.create(dataSource);
        long operator = jdbc.sql("insert into organisation (code, name, type) values ('OP-OLD', '老运营公司', 'OPERATOR') returning id")
                .query(Long.class).single();
        long bureau = jdbc.sql("insert into organisation (code, name, type, region_code) values ('HS-X', '住房保障中心', 'DISTRICT_HOUSING', '610802') returning id")
                .query(Long.class).single();
        long officer = jdbc.sql("insert into app_user (username, display_name, organisation_id, password_hash) values ('old.gov', '经办人', ?, 'x') returning id")
                .param(bureau).query(Long.class).single();
        long project = jdbc.sql("insert into project (district_code, name, address, created_at) values ('610802', '老项目', '榆阳区某路', now()) returning id")
                .query(Long.class).single();
        long whole = jdbc.sql("""
                        insert into operator_coverage (operator_id, district_code, project_id, valid_from, valid_to, note, created_by)
                        values (?, '610802', null, '2025-01-01', null, '政府购买服务合同（纸质）', ?) returning id""")
                .params(operator, officer).query(Long.class).single();
        long one = jdbc.sql("""
                        insert into operator_coverage (operator_id, district_code, project_id, valid_from, valid_to, note, created_by)
                        values (?, '610802', ?, '2023-01-01', '2023-12-31', null, ?) returning id""")
                .params(operator, project, officer).query(Long.class).single();

        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();

        List<Map<String, Object>> contracts = jdbc.sql("""
                        select c.contract_no, c.legacy, c.operator_id, c.starts_on::text as starts, c.ends_on::text as ends, c.all_projects, c.status,
                               c.procurement_id, c.title
                          from service_contract c order by c.contract_no""").query().listOfRows();
        assertThat(contracts).hasSize(2);
        assertThat(contracts).allSatisfy(c -> {
            assertThat(c.get("legacy")).isEqualTo(true);
            assertThat(c.get("procurement_id")).as("no budget approval behind it").isNull();
            assertThat(((Number) c.get("operator_id")).longValue()).isEqualTo(operator);
        });
        Map<String, Object> wholeContract = contracts.stream().filter(c -> c.get("contract_no").equals("LEGACY-" + whole)).findFirst().orElseThrow();
        assertThat(wholeContract.get("all_projects")).isEqualTo(true);
        assertThat(wholeContract.get("starts")).isEqualTo("2025-01-01");
        assertThat(wholeContract.get("ends")).isNull();
        assertThat(wholeContract.get("status")).isEqualTo("IN_FORCE");
        assertThat(wholeContract.get("title")).isEqualTo("政府购买服务合同（纸质）");
        Map<String, Object> projectContract = contracts.stream().filter(c -> c.get("contract_no").equals("LEGACY-" + one)).findFirst().orElseThrow();
        assertThat(projectContract.get("all_projects")).isEqualTo(false);
        assertThat(projectContract.get("status")).isEqualTo("ENDED");
        assertThat(jdbc.sql("select count(*) from service_contract_project where project_id = ?").param(project).query(Long.class).single()).isOne();

        List<Map<String, Object>> rows = jdbc.sql("""
                        select c.id, c.contract_no, c.valid_from::text as from_day, c.valid_to::text as to_day, c.wind_down_days, s.contract_no as granted_by
                          from operator_coverage c join service_contract s on s.id = c.contract_id order by c.id""").query().listOfRows();
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).get("contract_no")).isEqualTo("LEGACY-" + whole).isEqualTo(rows.get(0).get("granted_by"));
        assertThat(rows.get(1).get("from_day")).isEqualTo("2023-01-01");
        assertThat(rows.get(1).get("to_day")).isEqualTo("2023-12-31");
        assertThat(rows.get(1).get("wind_down_days")).isEqualTo(90);
    }
}
