package cn.anju.identity;

import org.springframework.modulith.NamedInterface;

import java.util.Set;

/**
 * Which operational records a user may see (DOMAIN.md section 1, "Data scope"). Every query that lists or loads
 * operational records filters by it.
 */
@NamedInterface("api")
public sealed interface DataScope {

    /** A short type name for the API: CITY, DISTRICT, OPERATOR, EVALUATOR, HOUSEHOLD, NONE. */
    String type();

    /** Whether records of this district are visible at all (projects may narrow it further for operators). */
    boolean coversDistrict(String districtCode);

    /** Whether one project's records are visible: an operator's whole districts or its single projects. */
    default boolean coversProject(String districtCode, long projectId) {
        return this instanceof Operator op
                ? op.wholeDistricts().contains(districtCode) || op.projectIds().contains(projectId)
                : coversDistrict(districtCode);
    }

    /** City users see every district of their city. */
    @NamedInterface("api")
    record City(String cityCode, Set<String> districtCodes) implements DataScope {
        public String type() {
            return "CITY";
        }

        public boolean coversDistrict(String districtCode) {
            return districtCodes.contains(districtCode);
        }
    }

    /** District users see their district. */
    @NamedInterface("api")
    record District(String districtCode) implements DataScope {
        public String type() {
            return "DISTRICT";
        }

        public boolean coversDistrict(String code) {
            return districtCode.equals(code);
        }
    }

    /**
     * Operator users see what their coverage holds on the day: whole districts, and single projects elsewhere.
     */
    @NamedInterface("api")
    record Operator(Long operatorId, Set<String> wholeDistricts, Set<Long> projectIds, Set<String> projectDistricts)
            implements DataScope {
        public String type() {
            return "OPERATOR";
        }

        public boolean coversDistrict(String code) {
            return wholeDistricts.contains(code) || projectDistricts.contains(code);
        }
    }

    /**
     * An evaluation firm sees, for surveys and evaluations only, the projects its engagements hold on the day: whole
     * districts and single projects. It sees no operational records ({@link #coversDistrict} is false, and a
     * {@link ScopeFilter} of it matches nothing); the survey and evaluation modules ask {@link #engagedIn}.
     */
    @NamedInterface("api")
    record Evaluator(Long evaluatorId, Set<String> wholeDistricts, Set<Long> projectIds, Set<String> projectDistricts)
            implements DataScope {
        public String type() {
            return "EVALUATOR";
        }

        public boolean coversDistrict(String code) {
            return false;
        }

        /** Whether the firm's engagement on the day holds this project. */
        public boolean engagedIn(String districtCode, long projectId) {
            return wholeDistricts.contains(districtCode) || projectIds.contains(projectId);
        }
    }

    /** A tenant sees its own household only. */
    @NamedInterface("api")
    record Household(Long householdId) implements DataScope {
        public String type() {
            return "HOUSEHOLD";
        }

        public boolean coversDistrict(String code) {
            return false;
        }
    }

    /** Separated administrators and third parties without an assignment see no operational records. */
    @NamedInterface("api")
    record None() implements DataScope {
        public String type() {
            return "NONE";
        }

        public boolean coversDistrict(String code) {
            return false;
        }
    }
}
