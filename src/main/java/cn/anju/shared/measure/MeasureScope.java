package cn.anju.shared.measure;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Which records a figure covers: those of whole districts, and those of single projects (an operator's coverage holds
 * both kinds). A record counts when its district is one of {@code districtCodes} or its project one of
 * {@code projectIds}; an empty scope covers nothing, so its ratios are not applicable and its counts 0 — never
 * "everything". The shared kernel cannot see the identity module's data scope, so callers convert theirs
 * ({@code cn.anju.identity.MeasureScopes}).
 *
 * <p>A measure's SQL places its rows with the same predicate every time,
 * {@code (x.district_code = any(?) or x.project_id = any(?))}, bound to {@link #params()}.
 */
public record MeasureScope(Set<String> districtCodes, Set<Long> projectIds) {

    public static final MeasureScope NOTHING = new MeasureScope(Set.of(), Set.of());

    public MeasureScope {
        districtCodes = Set.copyOf(districtCodes);
        projectIds = Set.copyOf(projectIds);
    }

    public static MeasureScope districts(String... codes) {
        return new MeasureScope(Set.of(codes), Set.of());
    }

    public static MeasureScope projects(Long... ids) {
        return new MeasureScope(Set.of(), Set.of(ids));
    }

    public boolean isEmpty() {
        return districtCodes.isEmpty() && projectIds.isEmpty();
    }

    /** The district codes then the project ids, as arrays, for the two placeholders of the scope predicate. */
    public List<Object> params() {
        List<Object> params = new ArrayList<>(2);
        params.add(districtCodes.toArray(String[]::new));
        params.add(projectIds.toArray(Long[]::new));
        return params;
    }
}
