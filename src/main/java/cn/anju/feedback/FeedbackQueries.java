package cn.anju.feedback;

import cn.anju.household.HouseholdContacts;
import cn.anju.identity.CurrentUser;
import cn.anju.identity.ScopeFilter;
import cn.anju.shared.state.States;
import cn.anju.shared.web.PageQuery;
import cn.anju.shared.web.PageResponse;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

/** The case desk's lists and a case with its timeline, always within the user's scope ({@link FeedbackScope}). */
@Service
public class FeedbackQueries {

    private final JdbcClient jdbc;
    private final FeedbackScope scope;
    private final HouseholdContacts contacts;
    private final Clock clock;

    FeedbackQueries(JdbcClient jdbc, FeedbackScope scope, HouseholdContacts contacts, Clock clock) {
        this.jdbc = jdbc;
        this.scope = scope;
        this.contacts = contacts;
        this.clock = clock;
    }

    /** Which queue: everything visible, the cases not yet on a project (待分派), or those the district supervises (督办). */
    public enum Queue { ALL, UNPLACED, SUPERVISED, ESCALATED }

    /**
     * @param q a case number, or a phone number (found through the keyed index, never compared in clear)
     */
    public record Filter(Channel channel, FeedbackState state, Boolean overdue, Long projectId, String q, Queue queue) {
    }

    public record CaseRow(long id, String caseNumber, Channel channel, FeedbackKind kind, FeedbackCategory category, FeedbackState state,
                          String districtCode, Long projectId, String projectName, Instant receivedAt, LocalDate ackDueOn,
                          LocalDate replyDueOn, boolean overdue, boolean supervised, boolean escalated, boolean anonymous,
                          Long handlerId, String handlerName) {
    }

    private static final String ROW = """
            select f.id, f.case_number, f.channel, f.kind, f.category, f.state, f.district_code, f.project_id, p.name as project_name,
                   f.received_at, f.ack_due_on, f.reply_due_on, f.supervised_at is not null as supervised, f.escalated_at is not null as escalated,
                   f.anonymous, f.handler_id, s.display_name as handler_name,
                   (f.state = any(?) and f.ack_due_on < ?) or (f.state = any(?) and f.paused_since is null
                        and (f.reply_due_on < ? or f.supervised_due_on < ?)) as overdue
              from feedback_case f
              left join project_place p on p.project_id = f.project_id
              left join staff_name s on s.user_id = f.handler_id
            """;

    public PageResponse<CaseRow> search(CurrentUser user, Filter filter, PageQuery page) {
        List<Object> params = withOverdue();
        String sql = "select * from (" + ROW + where(user, filter, params) + ") o"
                + (Boolean.TRUE.equals(filter.overdue()) ? " where o.overdue" : "");
        long total = jdbc.sql("select count(*) from (" + sql + ") x").params(params).query(Long.class).single();
        List<Object> all = new ArrayList<>(params);
        all.add(page.size());
        all.add(page.offset());
        List<CaseRow> rows = jdbc.sql(sql + " order by o.received_at desc, o.id desc limit ? offset ?").params(all)
                .query((rs, n) -> row(rs)).list();
        return PageResponse.of(rows, page, total);
    }

    /** The overdue predicate's parameters come first in ROW; the filter's after them. */
    private List<Object> withOverdue() {
        Date today = Date.valueOf(LocalDate.now(clock));
        return new ArrayList<>(List.of(States.names(FeedbackState.UNACKNOWLEDGED), today, States.names(FeedbackState.AWAITING_REPLY),
                today, today));
    }

    private String where(CurrentUser user, Filter f, List<Object> params) {
        ScopeFilter visible = scope.filter(user);
        StringBuilder sql = new StringBuilder(" where ").append(visible.sql());
        params.addAll(visible.params());
        if (f.channel() != null) {
            sql.append(" and f.channel = ?");
            params.add(f.channel().name());
        }
        if (f.state() != null) {
            sql.append(" and f.state = ?");
            params.add(f.state().name());
        }
        if (f.projectId() != null) {
            sql.append(" and f.project_id = ?");
            params.add(f.projectId());
        }
        Queue queue = f.queue() == null ? Queue.ALL : f.queue();
        switch (queue) {
            case UNPLACED -> sql.append(" and f.project_id is null and f.state = any(?)");
            case SUPERVISED -> sql.append(" and f.supervised_at is not null and f.state = any(?)");
            case ESCALATED -> sql.append(" and f.escalated_at is not null and f.state = any(?)");
            case ALL -> { }
        }
        if (queue != Queue.ALL) {
            params.add(queue == Queue.ESCALATED ? States.names(EnumSet.of(FeedbackState.FOLLOWED_UP))
                    : States.names(FeedbackState.OPEN));
        }
        if (f.q() != null && !f.q().isBlank()) {
            String q = f.q().trim();
            String phone = q.replaceAll("[\\s-]", "");
            if (phone.matches("1[3-9][0-9]{9}")) {
                sql.append(" and f.sender_index = any(?)");
                params.add(contacts.phoneIndexes(phone));
            } else if (q.toUpperCase().matches("TS[0-9]+")) {
                sql.append(" and f.case_number = ?");
                params.add(q.toUpperCase());
            } else {
                // a name: the cases of households with a member of that name (names are not secret; numbers are)
                sql.append(" and f.household_id = any(?)");
                params.add(contacts.named(q).toArray(Long[]::new));
            }
        }
        return sql.toString();
    }

    static CaseRow row(ResultSet rs) throws SQLException {
        return new CaseRow(rs.getLong("id"), rs.getString("case_number"), Channel.valueOf(rs.getString("channel")),
                FeedbackKind.valueOf(rs.getString("kind")), FeedbackCategory.valueOf(rs.getString("category")),
                FeedbackState.valueOf(rs.getString("state")), rs.getString("district_code"), (Long) rs.getObject("project_id"),
                rs.getString("project_name"), rs.getTimestamp("received_at").toInstant(), rs.getObject("ack_due_on", LocalDate.class),
                rs.getObject("reply_due_on", LocalDate.class), rs.getBoolean("overdue"), rs.getBoolean("supervised"),
                rs.getBoolean("escalated"), rs.getBoolean("anonymous"), (Long) rs.getObject("handler_id"), rs.getString("handler_name"));
    }

    static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
