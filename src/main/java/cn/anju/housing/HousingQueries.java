package cn.anju.housing;

import cn.anju.identity.CurrentUser;
import cn.anju.identity.DataScopes;
import cn.anju.identity.ScopeFilter;
import cn.anju.shared.Districts;
import cn.anju.shared.web.PageQuery;
import cn.anju.shared.web.PageResponse;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Lists of the housing stock, always within the caller's scope. */
@NamedInterface("api")
@Service
public class HousingQueries {

    private final JdbcClient jdbc;
    private final DataScopes scopes;
    private final Districts districts;

    HousingQueries(JdbcClient jdbc, DataScopes scopes, Districts districts) {
        this.jdbc = jdbc;
        this.scopes = scopes;
        this.districts = districts;
    }

    public record ProjectRow(long id, String districtCode, String districtName, String name, String address,
                             Integer builtYear, long buildings, long units, long vacant, long occupied) {
    }

    public record UnitFilter(String districtCode, Long projectId, Long buildingId, UnitStatus status, String layout,
                             BigDecimal minArea, BigDecimal maxArea) {
    }

    public record UnitRow(long id, String districtCode, String districtName, long projectId, String projectName,
                          long buildingId, String buildingNumber, int floor, String number, String layout,
                          BigDecimal buildingArea, BigDecimal usableArea, BigDecimal rentArea, String orientation,
                          UnitStatus status) {
    }

    public List<ProjectRow> projects(CurrentUser user) {
        ScopeFilter scope = scopes.filter(user, new ScopeFilter.Columns("p.district_code", "p.id", null));
        return jdbc.sql("""
                        select p.id, p.district_code, p.name, p.address, p.built_year,
                               (select count(*) from building b where b.project_id = p.id) as buildings,
                               count(u.id) as units,
                               count(u.id) filter (where u.status = 'VACANT') as vacant,
                               count(u.id) filter (where u.status = 'OCCUPIED') as occupied
                          from project p left join unit u on u.project_id = p.id
                         where %s
                         group by p.id order by p.district_code, p.name""".formatted(scope.sql()))
                .params(scope.params())
                .query((rs, n) -> new ProjectRow(rs.getLong("id"), rs.getString("district_code"),
                        districts.nameOf(rs.getString("district_code")), rs.getString("name"), rs.getString("address"),
                        (Integer) rs.getObject("built_year"), rs.getLong("buildings"), rs.getLong("units"),
                        rs.getLong("vacant"), rs.getLong("occupied")))
                .list();
    }

    /** The largest export: beyond it, narrow the filter. */
    public static final int EXPORT_LIMIT = 100_000;

    public PageResponse<UnitRow> units(CurrentUser user, UnitFilter filter, PageQuery page) {
        return units(user, filter, page.size(), page.offset(), page);
    }

    /** Every unit the filter selects, up to {@link #EXPORT_LIMIT}, for the Excel export. */
    public List<UnitRow> allUnits(CurrentUser user, UnitFilter filter) {
        return units(user, filter, EXPORT_LIMIT, 0, null).items();
    }

    private PageResponse<UnitRow> units(CurrentUser user, UnitFilter filter, int limit, long offset, PageQuery page) {
        ScopeFilter scope = scopes.filter(user, new ScopeFilter.Columns("u.district_code", "u.project_id", null));
        StringBuilder where = new StringBuilder(scope.sql());
        List<Object> params = new ArrayList<>(scope.params());
        if (filter.districtCode() != null && !filter.districtCode().isBlank()) {
            where.append(" and u.district_code = ?");
            params.add(filter.districtCode());
        }
        if (filter.projectId() != null) {
            where.append(" and u.project_id = ?");
            params.add(filter.projectId());
        }
        if (filter.buildingId() != null) {
            where.append(" and u.building_id = ?");
            params.add(filter.buildingId());
        }
        if (filter.status() != null) {
            where.append(" and u.status = ?");
            params.add(filter.status().name());
        }
        if (filter.layout() != null && !filter.layout().isBlank()) {
            where.append(" and u.layout = ?");
            params.add(filter.layout().trim());
        }
        if (filter.minArea() != null) {
            where.append(" and u.building_area >= ?");
            params.add(filter.minArea());
        }
        if (filter.maxArea() != null) {
            where.append(" and u.building_area <= ?");
            params.add(filter.maxArea());
        }
        long total = page == null ? -1
                : jdbc.sql("select count(*) from unit u where " + where).params(params).query(Long.class).single();
        List<Object> pageParams = new ArrayList<>(params);
        pageParams.add(limit);
        pageParams.add(offset);
        List<UnitRow> rows = jdbc.sql("""
                        select u.*, p.name as project_name, b.number as building_number
                          from unit u join project p on p.id = u.project_id join building b on b.id = u.building_id
                         where %s
                         order by p.name, b.number, u.floor, u.number limit ? offset ?""".formatted(where))
                .params(pageParams)
                .query((rs, n) -> new UnitRow(rs.getLong("id"), rs.getString("district_code"),
                        districts.nameOf(rs.getString("district_code")), rs.getLong("project_id"),
                        rs.getString("project_name"), rs.getLong("building_id"), rs.getString("building_number"),
                        rs.getInt("floor"), rs.getString("number"), rs.getString("layout"),
                        rs.getBigDecimal("building_area"), rs.getBigDecimal("usable_area"), rs.getBigDecimal("rent_area"),
                        rs.getString("orientation"), UnitStatus.valueOf(rs.getString("status"))))
                .list();
        return page == null ? new PageResponse<>(rows, 1, rows.size(), rows.size(), 1) : PageResponse.of(rows, page, total);
    }

    public record FacilityRow(long id, String projectName, String buildingNumber, String kind, String name, String location,
                              String maker, LocalDate installedOn, int inspectionCycleDays) {
    }

    /** The shared facilities register (共用设施设备) of the caller's projects. */
    public List<FacilityRow> facilities(CurrentUser user, Long projectId) {
        ScopeFilter scope = scopes.filter(user, new ScopeFilter.Columns("f.district_code", "f.project_id", null));
        List<Object> params = new ArrayList<>(scope.params());
        String project = "";
        if (projectId != null) {
            project = " and f.project_id = ?";
            params.add(projectId);
        }
        return jdbc.sql("""
                        select f.*, p.name as project_name, b.number as building_number
                          from shared_facility f join project p on p.id = f.project_id
                          left join building b on b.id = f.building_id
                         where %s%s order by p.name, b.number, f.kind, f.name limit 2000""".formatted(scope.sql(), project))
                .params(params)
                .query((rs, n) -> new FacilityRow(rs.getLong("id"), rs.getString("project_name"), rs.getString("building_number"),
                        rs.getString("kind"), rs.getString("name"), rs.getString("location"), rs.getString("maker"),
                        rs.getObject("installed_on", LocalDate.class), rs.getInt("inspection_cycle_days")))
                .list();
    }

    /** The distinct layouts in the caller's stock, for the filter's choices. */
    public List<String> layouts(CurrentUser user) {
        ScopeFilter scope = scopes.filter(user, new ScopeFilter.Columns("u.district_code", "u.project_id", null));
        return jdbc.sql("select distinct layout from unit u where " + scope.sql() + " order by layout")
                .params(scope.params()).query(String.class).list();
    }
}
