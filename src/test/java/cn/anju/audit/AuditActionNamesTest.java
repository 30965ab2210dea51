package cn.anju.audit;

import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every audit action has one kind of name: each module's actions are enum constants implementing {@link AuditAction}
 * (the log takes no free string), and this finds every one of them and holds its name to UPPER_SNAKE, once across the
 * platform. Rows written under the legacy dotted names show under the names they have now.
 */
class AuditActionNamesTest {

    static List<AuditAction> everyAction() throws ClassNotFoundException {
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AssignableTypeFilter(AuditAction.class));
        List<AuditAction> actions = new ArrayList<>();
        for (var candidate : scanner.findCandidateComponents("cn.anju")) {
            Class<?> type = Class.forName(candidate.getBeanClassName());
            assertThat(type.isEnum()).as(type + " lists its actions as enum constants").isTrue();
            for (Object constant : type.getEnumConstants()) {
                actions.add((AuditAction) constant);
            }
        }
        return actions;
    }

    @Test
    void everyActionWrittenIsUpperSnakeAndNamedOnce() throws ClassNotFoundException {
        List<AuditAction> actions = everyAction();
        assertThat(actions).as("the modules' actions are found").hasSizeGreaterThan(80);
        Map<String, AuditAction> byName = new HashMap<>();
        for (AuditAction a : actions) {
            assertThat(a.name()).as(a.getClass().getName()).matches("[A-Z][A-Z0-9]*(_[A-Z0-9]+)*");
            AuditAction before = byName.put(a.name(), a);
            assertThat(before).as(a.name() + " is one module's action only").isNull();
        }
    }

    @Test
    void aLegacyNameReadsAsTheNameTheSameActionHasNow() throws ClassNotFoundException {
        assertThat(AuditAction.current("work_order.accepted")).isEqualTo("WORK_ORDER_ACCEPTED");
        assertThat(AuditAction.current("violation_case.evidence.integrity")).isEqualTo("VIOLATION_CASE_EVIDENCE_INTEGRITY");
        assertThat(AuditAction.current("household.exact_search")).isEqualTo("HOUSEHOLD_EXACT_SEARCH");
        assertThat(AuditAction.current("PAYMENT_POST")).isEqualTo("PAYMENT_POST");
        // every legacy name the modules wrote maps onto an action they write now
        List<String> names = everyAction().stream().map(AuditAction::name).toList();
        for (String legacy : List.of("work_order.submit", "work_order.dispatched", "violation_case.open", "violation_case.closed",
                "violation_case.decide", "violation_case.evidence", "verification.open", "verification.visit", "patrol_plan.create",
                "patrol_task.record", "meter_reading.import", "maintenance_schedule.create", "household.member.contacts")) {
            assertThat(names).as(legacy).contains(AuditAction.current(legacy));
        }
    }
}
