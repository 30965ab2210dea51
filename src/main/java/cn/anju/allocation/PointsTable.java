package cn.anju.allocation;

import cn.anju.household.Waitlist;
import cn.anju.shared.web.ProblemException;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * A round's published points table (积分表): each rule gives points for one fact about the household, some per unit
 * with a cap. Points are counted once, when the round is created, from the waitlist as it stands that day, and
 * published with the applicant list, so everyone can check both the table and each household's total.
 */
public record PointsTable(List<Rule> rules) {

    public enum Criterion {
        /** per full year since registration on the waitlist */
        YEAR_ON_WAITLIST("轮候每满1年"),
        /** per member beyond the first */
        EXTRA_MEMBER("家庭成员每多1人"),
        /** 低保 or 特困 */
        MINIMUM_LIVING_OR_EXTREME_POVERTY("低保或特困家庭"),
        /** 低收入 */
        LOW_INCOME("低收入家庭"),
        DISABILITY("家庭成员有残疾人"),
        VETERAN_FAMILY("优抚对象家庭"),
        ELDERLY("户主年满60岁");

        private final String label;

        Criterion(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** @param cap the most this rule gives (per-unit rules); null for none */
    public record Rule(Criterion criterion, int points, Integer cap) {
    }

    /** Used when the officer does not set one: waiting time first, then need. */
    public static final PointsTable DEFAULT = new PointsTable(List.of(
            new Rule(Criterion.YEAR_ON_WAITLIST, 2, 20),
            new Rule(Criterion.EXTRA_MEMBER, 1, 4),
            new Rule(Criterion.MINIMUM_LIVING_OR_EXTREME_POVERTY, 10, null),
            new Rule(Criterion.LOW_INCOME, 5, null),
            new Rule(Criterion.DISABILITY, 8, null),
            new Rule(Criterion.VETERAN_FAMILY, 6, null),
            new Rule(Criterion.ELDERLY, 5, null)));

    /** Checked when a round is created (not while reading JSON, so the caller gets this message, not a parse error). */
    void requireValid() {
        if (rules == null || rules.isEmpty()) {
            throw ProblemException.badRequest("POINTS_TABLE_INVALID", "积分表至少要有一条规则。");
        }
        if (rules.stream().anyMatch(r -> r == null || r.criterion() == null || r.points() < 0 || r.points() > 100
                || r.cap() != null && r.cap() < 0)) {
            throw ProblemException.badRequest("POINTS_TABLE_INVALID", "积分表每条规则须有项目，分值为0到100，上限不小于0。");
        }
        if (rules.stream().map(Rule::criterion).distinct().count() != rules.size()) {
            throw ProblemException.badRequest("POINTS_TABLE_INVALID", "积分表中同一项目只能出现一次。");
        }
    }

    int score(Waitlist.Candidate c, LocalDate asOf) {
        int total = 0;
        for (Rule r : rules) {
            int units = switch (r.criterion()) {
                case YEAR_ON_WAITLIST -> (int) ChronoUnit.YEARS.between(c.registeredOn(), asOf);
                case EXTRA_MEMBER -> Math.max(0, c.members() - 1);
                case MINIMUM_LIVING_OR_EXTREME_POVERTY -> c.category().equals("MINIMUM_LIVING") || c.category().equals("EXTREME_POVERTY") ? 1 : 0;
                case LOW_INCOME -> c.category().equals("LOW_INCOME") ? 1 : 0;
                case DISABILITY -> c.specialGroups().contains("DISABILITY") ? 1 : 0;
                case VETERAN_FAMILY -> c.specialGroups().contains("VETERAN_FAMILY") ? 1 : 0;
                case ELDERLY -> c.specialGroups().contains("ELDERLY") ? 1 : 0;
            };
            int points = units * r.points();
            total += r.cap() == null ? points : Math.min(points, r.cap());
        }
        return total;
    }
}
