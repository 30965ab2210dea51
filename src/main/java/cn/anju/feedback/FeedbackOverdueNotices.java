package cn.anju.feedback;

import cn.anju.identity.ProjectOperators;
import cn.anju.notification.Notifications;
import cn.anju.shared.state.States;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Tells the operator's managers, by SMS or e-mail, of cases that have just missed a deadline (acknowledgement,
 * reply or the district's supervision deadline): one message per manager and morning, with the count and the first
 * case numbers, each missed deadline told once. Unplaced cases wait on the district's list instead.
 */
@Component
class FeedbackOverdueNotices {

    static final String TEMPLATE = "FEEDBACK_OVERDUE";

    private final JdbcClient jdbc;
    private final ProjectOperators operators;
    private final Notifications notifications;
    private final Clock clock;

    FeedbackOverdueNotices(JdbcClient jdbc, ProjectOperators operators, Notifications notifications, Clock clock) {
        this.jdbc = jdbc;
        this.operators = operators;
        this.notifications = notifications;
        this.clock = clock;
    }

    @Scheduled(cron = "0 30 8 * * *", zone = "${anju.zone}")
    @SchedulerLock(name = "feedback-overdue-notices")
    void everyMorning() {
        send();
    }

    private record Missed(long id, String caseNumber, long operatorId, LocalDate due) {
    }

    /** Sends what is due; returns how many cases were newly told of. */
    @Transactional
    int send() {
        Date today = Date.valueOf(LocalDate.now(clock));
        // the deadline that governs now: acknowledgement while unacknowledged, else the earlier of reply and supervision
        List<Missed> missed = jdbc.sql("""
                        select id, case_number, operator_id, due from (
                          select id, case_number, operator_id, overdue_noticed_due,
                                 case when state = any(?) then ack_due_on
                                      when state = any(?) and paused_since is null then least(reply_due_on, supervised_due_on) end as due
                            from feedback_case where operator_id is not null and project_id is not null) c
                         where due < ? and overdue_noticed_due is distinct from due
                         order by operator_id, due, id""")
                .params(States.names(FeedbackState.UNACKNOWLEDGED), States.names(FeedbackState.AWAITING_REPLY), today)
                .query((rs, n) -> new Missed(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getObject(4, LocalDate.class))).list();
        Map<Long, List<Missed>> byOperator = missed.stream()
                .collect(Collectors.groupingBy(Missed::operatorId, LinkedHashMap::new, Collectors.toList()));
        byOperator.forEach((operator, cases) -> {
            String first = cases.stream().limit(3).map(Missed::caseNumber).collect(Collectors.joining("、"));
            Map<String, String> params = Map.of("count", String.valueOf(cases.size()), "cases", first + (cases.size() > 3 ? "等" : ""));
            operators.managersOf(operator).forEach(manager -> notifications.notify("app_user", manager, TEMPLATE, params));
        });
        missed.forEach(m -> jdbc.sql("update feedback_case set overdue_noticed_due = ? where id = ?").params(m.due(), m.id()).update());
        return missed.size();
    }
}
