package cn.anju.lease;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Where a lease stands, for modules that act about one (a violation case names the lease, its unit and household).
 * No scope check here: the caller checks the user may see the lease's project.
 */
@NamedInterface("api")
@Component
public class LeaseFacts {

    private final JdbcClient jdbc;

    LeaseFacts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * @param movedOutOn the move-out day once recorded
     * @param occupied   the household lives there now (the rule of the view {@code lease_occupancy}: moved in, not moved
     *                   out, not taken over by its renewal)
     */
    public record Facts(long id, String number, String districtCode, long projectId, long unitId, long householdId,
                        LeaseStatus status, LocalDate movedOutOn, boolean occupied) {
    }

    private static final String SELECT =
            "select id, lease_number, district_code, project_id, unit_id, household_id, status, moved_out_on,"
            + " exists (select 1 from lease_occupancy o where o.lease_id = lease.id) from lease where ";

    public Optional<Facts> byId(long leaseId) {
        return jdbc.sql(SELECT + "id = ?").param(leaseId).query((rs, n) -> facts(rs)).optional();
    }

    public Optional<Facts> byNumber(String leaseNumber) {
        return jdbc.sql(SELECT + "lease_number = ?").param(leaseNumber.trim()).query((rs, n) -> facts(rs)).optional();
    }

    /** The lease under which a household lives now (moved in, not moved out), if any. */
    public Optional<Facts> occupiedBy(long householdId) {
        return jdbc.sql(SELECT + "id = (select o.lease_id from lease_occupancy o where o.household_id = ? order by o.lease_id desc limit 1)")
                .param(householdId).query((rs, n) -> facts(rs)).optional();
    }

    /** A household holding an active lease in a project. */
    public record Tenancy(long householdId, long projectId) {
    }

    /**
     * The households holding a lease in force in these projects on the day, each once (a renewal makes a new lease, not
     * a new household): the ones a survey wave is sent to. In force on a past day too: a lease active then (active now,
     * expired since, or terminated after its move-in) whose term covers the day and whose household had not moved out.
     */
    public List<Tenancy> activeOn(Collection<Long> projectIds, LocalDate day) {
        return jdbc.sql("""
                        select distinct on (household_id) household_id, project_id from lease
                         where project_id = any(?) and start_date <= ? and end_date >= ?
                           and (status = any(?) or status = ? and moved_out_on is not null)
                           and (moved_out_on is null or moved_out_on >= ?)
                         order by household_id, start_date desc""")
                .params(projectIds.toArray(Long[]::new), day, day,
                        new String[]{LeaseStatus.ACTIVE.name(), LeaseStatus.EXPIRED.name()}, LeaseStatus.TERMINATED.name(), day)
                .query((rs, n) -> new Tenancy(rs.getLong(1), rs.getLong(2))).list();
    }

    private static Facts facts(ResultSet rs) throws SQLException {
        return new Facts(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getLong(5), rs.getLong(6),
                LeaseStatus.valueOf(rs.getString(7)), rs.getObject(8, LocalDate.class), rs.getBoolean(9));
    }
}
