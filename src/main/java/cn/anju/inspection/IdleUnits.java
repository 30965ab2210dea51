package cn.anju.inspection;

import cn.anju.audit.AuditLog;
import cn.anju.audit.AuditOutcome;
import cn.anju.identity.CurrentUser;
import cn.anju.identity.DataScopes;
import cn.anju.identity.ScopeFilter;
import cn.anju.shared.Role;
import cn.anju.shared.excel.SheetReader;
import cn.anju.shared.excel.SheetRow;
import cn.anju.shared.policy.PolicySettings;
import cn.anju.shared.web.ProblemException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Possibly idle units (疑似闲置): monthly water and electricity use per unit, imported from the utilities' files
 * (CSV or Excel: 项目,楼栋,房号,月份,用水量,用电量 — month yyyy-MM, water in m³, electricity in kWh), checked whole before
 * anything is written; a re-imported month replaces the figures it had. An occupied unit whose use stayed below both
 * thresholds ({@code inspection.idle_water_m3} 1, {@code inspection.idle_electricity_kwh} 10) for the last
 * {@code inspection.idle_months} (6) months in a row up to the latest month on record is listed for a visit —
 * a list for the operator to check, never a finding by itself.
 */
@NamedInterface("api")
@Service
public class IdleUnits {

    static final List<String> HEADERS = List.of("项目", "楼栋", "房号", "月份", "用水量", "用电量");

    private final JdbcClient jdbc;
    private final DataScopes scopes;
    private final PolicySettings settings;
    private final AuditLog audit;
    private final Clock clock;

    IdleUnits(JdbcClient jdbc, DataScopes scopes, PolicySettings settings, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.scopes = scopes;
        this.settings = settings;
        this.audit = audit;
        this.clock = clock;
    }

    public record Imported(int lines, int units, int months) {
    }

    @Transactional
    public Imported importReadings(CurrentUser actor, byte[] content) {
        if (!actor.hasAny(Role.OPERATOR_MANAGER, Role.OPERATOR_STAFF, Role.GOV_ADMIN, Role.GOV_OFFICER)) {
            throw ProblemException.forbidden("READINGS_FORBIDDEN", "水电读数由承接主体或住房保障部门导入。");
        }
        if (content == null || content.length == 0) {
            throw ProblemException.badRequest("READINGS_EMPTY", "请选择水电读数文件（CSV 或 Excel）。");
        }
        List<SheetRow> rows = SheetReader.read(content, HEADERS, "READINGS_HEADERS", "水电读数文件");
        // the units the importer may see, by project name, building and number
        ScopeFilter scope = scopes.filter(actor, new ScopeFilter.Columns("u.district_code", "u.project_id", null));
        Map<String, Long> units = new HashMap<>();
        jdbc.sql("""
                        select u.project_name || '|' || u.building_number || '|' || u.unit_number, u.unit_id from unit_label u
                         where %s""".formatted(scope.sql()))
                .params(scope.params()).query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2))).list()
                .forEach(e -> units.put(e.getKey(), e.getValue()));
        record Reading(long unit, LocalDate month, BigDecimal water, BigDecimal electricity) {
        }
        List<Reading> readings = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            String[] c = rows.get(i).values(HEADERS);
            int row = rows.get(i).rowNumber();
            Long unit = units.get(c[0] + "|" + c[1].replace("栋", "") + "|" + c[2]);
            if (unit == null) {
                errors.add("第" + row + "行：找不到房源“" + c[0] + " " + c[1] + " " + c[2] + "”（或不在您的服务范围内）");
                continue;
            }
            try {
                BigDecimal water = new BigDecimal(c[4]);
                BigDecimal electricity = new BigDecimal(c[5]);
                if (water.signum() < 0 || electricity.signum() < 0 || water.scale() > 2 || electricity.scale() > 2) {
                    throw new NumberFormatException();
                }
                readings.add(new Reading(unit, YearMonth.parse(c[3].replace('/', '-')).atDay(1), water, electricity));
            } catch (DateTimeParseException | NumberFormatException e) {
                errors.add("第" + row + "行：月份应为 yyyy-MM，用水量、用电量为不小于0、最多两位小数的数字");
            }
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < readings.size(); i++) {
            if (!seen.add(readings.get(i).unit() + "|" + readings.get(i).month())) {
                errors.add("同一房源同一月份出现两次（" + readings.get(i).month().toString().substring(0, 7) + "）");
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.badRequest("READINGS_INVALID", "水电读数文件有误，未导入任何一行：" + String.join("；",
                    errors.subList(0, Math.min(errors.size(), 10))) + (errors.size() > 10 ? "……共" + errors.size() + "处" : "") + "。");
        }
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("""
                        insert into meter_reading (unit_id, month, water_m3, electricity_kwh, imported_by, imported_at)
                        select * from unnest(?::bigint[], ?::date[], ?::numeric[], ?::numeric[]) as r(u, m, w, e), (select ?::bigint, ?::timestamptz) x
                        on conflict (unit_id, month) do update set water_m3 = excluded.water_m3, electricity_kwh = excluded.electricity_kwh,
                               imported_by = excluded.imported_by, imported_at = excluded.imported_at""")
                .params(readings.stream().map(Reading::unit).toArray(Long[]::new),
                        readings.stream().map(r -> Date.valueOf(r.month())).toArray(Date[]::new),
                        readings.stream().map(Reading::water).toArray(BigDecimal[]::new),
                        readings.stream().map(Reading::electricity).toArray(BigDecimal[]::new), actor.id(), now)
                .update();
        Imported result = new Imported(readings.size(), (int) readings.stream().map(Reading::unit).distinct().count(),
                (int) readings.stream().map(Reading::month).distinct().count());
        audit.record(InspectionAudit.METER_READING_IMPORT, "meter_reading", null, AuditOutcome.SUCCESS,
                Map.of("lines", result.lines(), "units", result.units(), "months", result.months()));
        return result;
    }

    public record IdleUnit(long unitId, String districtCode, String unit, String leaseNumber, int months, BigDecimal water,
                           BigDecimal electricity, LocalDate lastMonth) {
    }

    /** The occupied units below both thresholds for the district's number of months in a row, up to the latest month on record. */
    public List<IdleUnit> list(CurrentUser user) {
        PatrolTasks.requireStaff(user);
        ScopeFilter scope = scopes.filter(user, new ScopeFilter.Columns("u.district_code", "u.project_id", null));
        List<IdleUnit> out = new ArrayList<>();
        for (String district : jdbc.sql("select distinct u.district_code from unit_label u where " + scope.sql() + " order by 1")
                .params(scope.params()).query(String.class).list()) {
            int months = settings.integer("inspection.idle_months", district);
            BigDecimal water = new BigDecimal(settings.value("inspection.idle_water_m3", district));
            BigDecimal electricity = new BigDecimal(settings.value("inspection.idle_electricity_kwh", district));
            List<Object> params = new ArrayList<>(List.of(months - 1, water, electricity));
            params.addAll(scope.params());
            params.add(district);
            params.add(months);
            out.addAll(jdbc.sql("""
                            with latest as (select max(month) as m from meter_reading),
                            window_ as (select r.* from meter_reading r, latest
                                         where r.month between (latest.m - make_interval(months => ?))::date and latest.m)
                            select u.unit_id, u.district_code, u.label, l.lease_number, count(*), sum(w.water_m3), sum(w.electricity_kwh),
                                   max(w.month)
                              from window_ w join unit_label u on u.unit_id = w.unit_id and w.water_m3 < ? and w.electricity_kwh < ?
                              join lease_occupancy l on l.unit_id = u.unit_id
                             where %s and u.district_code = ?
                             group by u.unit_id, u.district_code, u.label, l.lease_number
                            having count(*) = ? order by 3""".formatted(scope.sql()))
                    .params(params)
                    .query((rs, n) -> new IdleUnit(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5),
                            rs.getBigDecimal(6), rs.getBigDecimal(7), rs.getObject(8, LocalDate.class)))
                    .list());
        }
        return out;
    }
}
