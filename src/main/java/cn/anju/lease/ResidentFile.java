package cn.anju.lease;

import cn.anju.household.HouseholdQueries;
import cn.anju.identity.CurrentUser;
import cn.anju.shared.events.ResidentEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The resident file (住户档案): one timeline per household, written by listening to {@link ResidentEvent}s that the
 * modules publish. The listener runs inside the publisher's transaction, so an event and its entry are stored
 * together or not at all.
 */
@Service
public class ResidentFile {

    private final JdbcClient jdbc;
    private final HouseholdQueries households;

    ResidentFile(JdbcClient jdbc, HouseholdQueries households) {
        this.jdbc = jdbc;
        this.households = households;
    }

    @EventListener
    void on(ResidentEvent e) {
        jdbc.sql("""
                        insert into resident_file_entry (household_id, at, kind, title, detail, ref_type, ref_id, actor)
                        values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(e.householdId(), Timestamp.from(e.at()), e.kind(), e.title(), e.detail(), e.refType(), e.refId(), e.actorId())
                .update();
    }

    public record Entry(long id, OffsetDateTime at, String kind, String title, String detail, String refType, long refId,
                        String actor) {
    }

    /** Newest first; the actor is named by display name (staff), never a tenant's personal data. */
    public List<Entry> timeline(CurrentUser user, long householdId) {
        households.requireVisible(user, householdId);
        return jdbc.sql("""
                        select e.id, e.at, e.kind, e.title, e.detail, e.ref_type, e.ref_id, coalesce(u.display_name, '系统')
                          from resident_file_entry e left join staff_name u on u.user_id = e.actor
                         where e.household_id = ? order by e.at desc, e.id desc limit 500""")
                .param(householdId)
                .query((rs, n) -> new Entry(rs.getLong(1), rs.getObject(2, OffsetDateTime.class), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getLong(7), rs.getString(8)))
                .list();
    }
}
