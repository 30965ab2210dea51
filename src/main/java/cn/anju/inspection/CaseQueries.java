package cn.anju.inspection;

import cn.anju.housing.HousingStock;
import cn.anju.identity.CurrentUser;
import cn.anju.identity.DataScopes;
import cn.anju.identity.ScopeFilter;
import cn.anju.shared.Districts;
import cn.anju.shared.Role;
import cn.anju.shared.web.PageQuery;
import cn.anju.shared.web.PageResponse;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reading violation cases: the list within the user's data scope, and one case with its history and evidence. */
@Service
public class CaseQueries {

    private final JdbcClient jdbc;
    private final DataScopes scopes;
    private final HousingStock housing;
    private final Districts districts;
    private final CaseRecords cases;

    CaseQueries(JdbcClient jdbc, DataScopes scopes, HousingStock housing, Districts districts, CaseRecords cases) {
        this.jdbc = jdbc;
        this.scopes = scopes;
        this.housing = housing;
        this.districts = districts;
        this.cases = cases;
    }

    public record CaseRow(long id, String caseNumber, String districtCode, String districtName, String unit, Long leaseId,
                          String leaseNumber, Long householdId, CaseType type, String source, CaseState state, String facts,
                          OffsetDateTime openedAt, OffsetDateTime reportedAt, Decision decision, String decisionReason,
                          LocalDate rectifyBy, BigDecimal penaltyAmount, OffsetDateTime decidedAt, BigDecimal arrearsAmount,
                          int version) {
    }

    public PageResponse<CaseRow> list(CurrentUser user, CaseState state, CaseType type, PageQuery page) {
        ScopeFilter scope = user.has(Role.TENANT) ? new ScopeFilter("false", List.of())
                : scopes.filter(user, new ScopeFilter.Columns("c.district_code", "c.project_id", null));
        StringBuilder where = new StringBuilder(scope.sql());
        List<Object> params = new ArrayList<>(scope.params());
        if (state != null) {
            where.append(" and c.state = ?");
            params.add(state.name());
        }
        if (type != null) {
            where.append(" and c.type = ?");
            params.add(type.name());
        }
        long total = jdbc.sql("select count(*) from violation_case c where " + where).params(params).query(Long.class).single();
        List<Object> paged = new ArrayList<>(params);
        paged.add(page.size());
        paged.add(page.offset());
        List<CaseRow> rows = rows(where + " order by c.opened_at desc, c.id desc limit ? offset ?", paged);
        return PageResponse.of(rows, page, total);
    }

    public record Event(CaseState from, CaseState to, String note, String actor, OffsetDateTime at) {
    }

    public record Evidence(long id, String description, String sha256, long sizeBytes, String contentType, String originalName,
                           OffsetDateTime takenAt, String takenBy, String place, BigDecimal latitude, BigDecimal longitude) {
    }

    public record CaseDetail(CaseRow row, List<Event> events, List<Evidence> evidence) {
    }

    public CaseDetail get(CurrentUser user, long id) {
        cases.load(user, id); // scope: outside it the case does not exist
        CaseRow row = rows("c.id = ?", List.of(id)).getFirst();
        List<Event> events = jdbc.sql("""
                        select e.from_state, e.to_state, e.note, coalesce(u.display_name, '系统'), e.at
                          from violation_case_event e left join staff_name u on u.user_id = e.actor_id
                         where e.case_id = ? order by e.id""")
                .param(id)
                .query((rs, n) -> new Event(rs.getString(1) == null ? null : CaseState.valueOf(rs.getString(1)),
                        CaseState.valueOf(rs.getString(2)), rs.getString(3), rs.getString(4), rs.getObject(5, OffsetDateTime.class)))
                .list();
        return new CaseDetail(row, events, evidence(id));
    }

    List<Evidence> evidence(long caseId) {
        return jdbc.sql("""
                        select v.id, v.description, v.sha256, v.size_bytes, v.content_type, v.original_name, v.taken_at, u.display_name,
                               v.place, v.latitude, v.longitude
                          from violation_evidence v join staff_name u on u.user_id = v.taken_by
                         where v.case_id = ? order by v.id""")
                .param(caseId)
                .query((rs, n) -> new Evidence(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getString(5),
                        rs.getString(6), rs.getObject(7, OffsetDateTime.class), rs.getString(8), rs.getString(9),
                        rs.getBigDecimal(10), rs.getBigDecimal(11)))
                .list();
    }

    private List<CaseRow> rows(String where, List<Object> params) {
        record Raw(long id, String number, String district, long unit, Long lease, String leaseNumber, Long household, String type,
                   String source, String state, String facts, OffsetDateTime opened, OffsetDateTime reported, String decision,
                   String reason, LocalDate rectifyBy, BigDecimal penalty, OffsetDateTime decided, BigDecimal arrears, int version) {
        }
        List<Raw> raw = jdbc.sql("""
                        select c.id, c.case_number, c.district_code, c.unit_id, c.lease_id, c.lease_number, c.household_id, c.type, c.source,
                               c.state, c.facts, c.opened_at, c.reported_at, c.decision, c.decision_reason, c.rectify_by, c.penalty_amount,
                               c.decided_at, c.arrears_amount, c.version
                          from violation_case c
                         where %s""".formatted(where))
                .params(params)
                .query((rs, n) -> new Raw(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4), (Long) rs.getObject(5),
                        rs.getString(6), (Long) rs.getObject(7), rs.getString(8), rs.getString(9), rs.getString(10), rs.getString(11),
                        rs.getObject(12, OffsetDateTime.class), rs.getObject(13, OffsetDateTime.class), rs.getString(14),
                        rs.getString(15), rs.getObject(16, LocalDate.class), rs.getBigDecimal(17), rs.getObject(18, OffsetDateTime.class),
                        rs.getBigDecimal(19), rs.getInt(20)))
                .list();
        Map<Long, HousingStock.UnitDescription> units = housing.describeAll(raw.stream().map(Raw::unit).distinct().toList());
        return raw.stream().map(r -> new CaseRow(r.id(), r.number(), r.district(), districts.nameOf(r.district()),
                units.get(r.unit()).label(), r.lease(), r.leaseNumber(), r.household(), CaseType.valueOf(r.type()), r.source(),
                CaseState.valueOf(r.state()), r.facts(), r.opened(), r.reported(), r.decision() == null ? null : Decision.valueOf(r.decision()),
                r.reason(), r.rectifyBy(), r.penalty(), r.decided(), r.arrears(), r.version())).toList();
    }
}
