package cn.anju.housing;

import cn.anju.identity.CurrentUser;
import cn.anju.imports.SheetImport;
import cn.anju.shared.excel.SheetRow;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * 房源导入: one unit per row, into a project of the importer's district (by name); a building is created the first
 * time its number appears. A unit already stored with the same data is skipped; with different data it is an error.
 */
@Component
class UnitImport implements SheetImport {

    static final String PROJECT = "项目名称";
    static final String BUILDING = "楼栋号";
    static final String FLOOR = "楼层";
    static final String NUMBER = "房号";
    static final String LAYOUT = "户型";
    static final String AREA = "建筑面积";
    static final String USABLE = "使用面积";
    static final String RENT_AREA = "计租面积";
    static final String ORIENTATION = "朝向";

    private final JdbcClient jdbc;

    UnitImport(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public String kind() {
        return "units";
    }

    public String title() {
        return "房源";
    }

    public List<String> headers() {
        return List.of(PROJECT, BUILDING, FLOOR, NUMBER, LAYOUT, AREA, USABLE, RENT_AREA, ORIENTATION);
    }

    public List<String> exampleRow() {
        return List.of("金沙花园公租房", "5", "3", "301", "一室一厅", "45.60", "36.50", "45.60", "南北");
    }

    public Set<String> personalColumns() {
        return Set.of();
    }

    record Planned(int row, long project, String building, int floor, String number, String layout, BigDecimal area,
                   BigDecimal usable, BigDecimal rentArea, String orientation) {
    }

    public ImportOutcome run(CurrentUser actor, List<SheetRow> rows, boolean update) {
        List<RowError> errors = new ArrayList<>();
        List<Planned> planned = new ArrayList<>();
        Map<String, Long> projects = new HashMap<>();
        jdbc.sql("select name, id from project where district_code = ?").param(actor.regionCode())
                .query((rs, n) -> projects.put(rs.getString(1), rs.getLong(2))).list();
        Map<String, Integer> seen = new HashMap<>();
        for (SheetRow row : rows) {
            int before = errors.size();
            Long project = projects.get(row.get(PROJECT));
            if (project == null) {
                errors.add(new RowError(row.rowNumber(), PROJECT, row.get(PROJECT), "本区县没有该项目，请先登记项目或核对名称。"));
            }
            if (row.get(BUILDING).isEmpty()) {
                errors.add(new RowError(row.rowNumber(), BUILDING, "", "请填写楼栋号。"));
            }
            Integer floor = integer(row, FLOOR, errors);
            if (row.get(NUMBER).isEmpty()) {
                errors.add(new RowError(row.rowNumber(), NUMBER, "", "请填写房号。"));
            }
            if (row.get(LAYOUT).isEmpty()) {
                errors.add(new RowError(row.rowNumber(), LAYOUT, "", "请填写户型，如 一室一厅。"));
            }
            BigDecimal area = decimal(row, AREA, errors);
            BigDecimal usable = decimal(row, USABLE, errors);
            BigDecimal rent = decimal(row, RENT_AREA, errors);
            if (area != null && usable != null && usable.compareTo(area) > 0) {
                errors.add(new RowError(row.rowNumber(), USABLE, row.get(USABLE), "使用面积不能大于建筑面积。"));
            }
            String key = row.get(PROJECT) + "|" + row.get(BUILDING) + "|" + row.get(NUMBER);
            Integer first = seen.putIfAbsent(key, row.rowNumber());
            if (first != null) {
                errors.add(new RowError(row.rowNumber(), NUMBER, row.get(NUMBER), "与第" + first + "行是同一套房源。"));
            }
            if (errors.size() == before) {
                planned.add(new Planned(row.rowNumber(), project, row.get(BUILDING), floor, row.get(NUMBER), row.get(LAYOUT),
                        area, usable, rent, row.get(ORIENTATION)));
            }
        }
        if (!errors.isEmpty()) {
            return ImportOutcome.failed(errors);
        }
        int created = 0;
        int skipped = 0;
        for (Planned p : planned) {
            Optional<Boolean> same = jdbc.sql("""
                            select u.floor = ? and u.layout = ? and u.building_area = ? and u.usable_area = ? and u.rent_area = ?
                                   and coalesce(u.orientation, '') = ?
                              from unit u join building b on b.id = u.building_id
                             where u.project_id = ? and b.number = ? and u.number = ?""")
                    .params(p.floor(), p.layout(), p.area(), p.usable(), p.rentArea(), p.orientation(), p.project(),
                            p.building(), p.number())
                    .query(Boolean.class).optional();
            if (same.isPresent()) {
                if (same.get()) {
                    skipped++;
                } else {
                    errors.add(new RowError(p.row(), NUMBER, p.number(), "该房源已登记且信息不同；请在房源页面办理变更。"));
                }
            }
        }
        if (!errors.isEmpty()) {
            return ImportOutcome.failed(errors);
        }
        for (Planned p : planned) {
            boolean exists = jdbc.sql("select count(*) from unit u join building b on b.id = u.building_id where u.project_id = ? and b.number = ? and u.number = ?")
                    .params(p.project(), p.building(), p.number()).query(Long.class).single() > 0;
            if (exists) {
                continue;
            }
            long building = jdbc.sql("select id from building where project_id = ? and number = ?").params(p.project(), p.building())
                    .query(Long.class).optional()
                    .orElseGet(() -> jdbc.sql("insert into building (project_id, district_code, number, floors, has_elevator) values (?, ?, ?, ?, false) returning id")
                            .params(p.project(), actor.regionCode(), p.building(), Math.max(1, p.floor())).query(Long.class).single());
            jdbc.sql("""
                            insert into unit (project_id, building_id, district_code, floor, number, layout, building_area,
                                              usable_area, rent_area, orientation, status)
                            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'VACANT')""")
                    .params(p.project(), building, actor.regionCode(), p.floor(), p.number(), p.layout(), p.area(), p.usable(),
                            p.rentArea(), p.orientation()).update();
            created++;
        }
        return new ImportOutcome(created, 0, skipped, List.of());
    }

    private static Integer integer(SheetRow row, String column, List<RowError> errors) {
        try {
            return Integer.parseInt(row.get(column));
        } catch (NumberFormatException e) {
            errors.add(new RowError(row.rowNumber(), column, row.get(column), "应为整数。"));
            return null;
        }
    }

    private static BigDecimal decimal(SheetRow row, String column, List<RowError> errors) {
        try {
            BigDecimal v = new BigDecimal(row.get(column));
            if (v.signum() <= 0 || v.compareTo(new BigDecimal("500")) > 0) {
                errors.add(new RowError(row.rowNumber(), column, row.get(column), "面积应在0到500平方米之间。"));
                return null;
            }
            return v;
        } catch (NumberFormatException e) {
            errors.add(new RowError(row.rowNumber(), column, row.get(column), "面积应为数字，如 45.60。"));
            return null;
        }
    }
}
