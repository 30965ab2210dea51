package cn.anju.identity;

import org.springframework.modulith.NamedInterface;

import java.util.ArrayList;
import java.util.List;

/**
 * The data-scope predicate for one query, built from the caller's {@link DataScope} and the columns that place a
 * row: its district, and where the table has them its project and household. Every list or load of
 * operational records adds it ({@code "where " + filter.sql()}); with the columns named once, a query cannot
 * forget a case, and a scope with nothing to match yields {@code false}, never "everything".
 */
@NamedInterface("api")
public record ScopeFilter(String sql, List<Object> params) {

    /** How a table places its rows; project and household columns may be null where the table has none. */
    public record Columns(String district, String project, String household) {

        public Columns {
            for (String c : new String[]{district, project, household}) {
                if (c != null && !c.matches("[a-z_][a-z0-9_.]*")) {
                    throw new IllegalArgumentException("invalid column: " + c);
                }
            }
        }

        public static Columns district(String district) {
            return new Columns(district, null, null);
        }
    }

    public static ScopeFilter of(DataScope scope, Columns columns) {
        List<Object> params = new ArrayList<>();
        String sql = switch (scope) {
            case DataScope.City city -> {
                params.add(city.districtCodes().toArray(String[]::new));
                yield columns.district() + " = any(?)";
            }
            case DataScope.District d -> {
                params.add(d.districtCode());
                yield columns.district() + " = ?";
            }
            case DataScope.Operator op -> {
                List<String> parts = new ArrayList<>();
                if (!op.wholeDistricts().isEmpty()) {
                    parts.add(columns.district() + " = any(?)");
                    params.add(op.wholeDistricts().toArray(String[]::new));
                }
                if (columns.project() != null && !op.projectIds().isEmpty()) {
                    parts.add(columns.project() + " = any(?)");
                    params.add(op.projectIds().toArray(Long[]::new));
                }
                yield parts.isEmpty() ? "false" : "(" + String.join(" or ", parts) + ")";
            }
            case DataScope.Household h -> {
                if (columns.household() == null || h.householdId() == null) {
                    yield "false";
                }
                params.add(h.householdId());
                yield columns.household() + " = ?";
            }
            case DataScope.Evaluator evaluator -> "false"; // an evaluation firm reads surveys and evaluations, no records
            case DataScope.None none -> "false";
        };
        return new ScopeFilter(sql, List.copyOf(params));
    }
}
