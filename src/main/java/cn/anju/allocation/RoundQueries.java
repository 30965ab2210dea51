package cn.anju.allocation;

import cn.anju.housing.HousingStock;
import cn.anju.identity.CurrentUser;
import cn.anju.identity.DataScopes;
import cn.anju.identity.ScopeFilter;
import cn.anju.shared.Districts;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** What a round shows: its state and published data, the drawn order with outcomes, and the text a verifier reads. */
@NamedInterface("actions")
@Service
public class RoundQueries {

    private final JdbcClient jdbc;
    private final SelectionRounds rounds;
    private final DataScopes scopes;
    private final Districts districts;
    private final JsonMapper json;
    private final HousingStock housing;

    RoundQueries(JdbcClient jdbc, SelectionRounds rounds, DataScopes scopes, Districts districts,
                 JsonMapper json, HousingStock housing) {
        this.json = json;
        this.housing = housing;
        this.jdbc = jdbc;
        this.rounds = rounds;
        this.scopes = scopes;
        this.districts = districts;
    }

    public record RoundRow(long id, String districtName, String name, String status, String listDigest,
                           String seedCommitment, String publicValue, String seed, OffsetDateTime createdAt,
                           long applicants, long units, long chosen, String method, String algorithm, String pointsTable) {

        public boolean byPoints() {
            return "POINTS".equals(method);
        }
    }

    /** @param points null in a lottery round */
    public record Place(long applicantId, Integer position, String ref, int group, Integer points, String maskedName,
                        String maskedId, String outcome, String unit) {
    }

    /** A points round's published table as a page lists it: "轮候每满1年 2分（最多20分）". */
    public List<String> pointsRules(long id) {
        String table = rounds.round(id).pointsTable();
        if (table == null) {
            return List.of();
        }
        return json.readValue(table, PointsTable.class).rules().stream()
                .map(r -> r.criterion().label() + " " + r.points() + "分" + (r.cap() == null ? "" : "（最多" + r.cap() + "分）"))
                .toList();
    }

    public List<RoundRow> list(CurrentUser user) {
        ScopeFilter scope = scopes.filter(user, ScopeFilter.Columns.district("r.district_code"));
        return jdbc.sql("""
                        select r.*, (select count(*) from selection_applicant a where a.round_id = r.id) as applicants,
                               (select count(*) from selection_round_unit u where u.round_id = r.id) as units,
                               (select count(*) from selection_applicant a where a.round_id = r.id and a.outcome = 'CHOSEN') as chosen
                          from selection_round r where %s order by r.created_at desc""".formatted(scope.sql()))
                .params(scope.params())
                .query((rs, n) -> row(rs))
                .list();
    }

    public RoundRow round(CurrentUser user, long id) {
        SelectionRound r = rounds.round(id);
        if (user != null) {
            rounds.requireReader(user, r.district());
        }
        return jdbc.sql("""
                        select r.*, (select count(*) from selection_applicant a where a.round_id = r.id) as applicants,
                               (select count(*) from selection_round_unit u where u.round_id = r.id) as units,
                               (select count(*) from selection_applicant a where a.round_id = r.id and a.outcome = 'CHOSEN') as chosen
                          from selection_round r where r.id = ?""").param(id).query((rs, n) -> row(rs)).single();
    }

    /** The applicants as published (masked), in drawn order once drawn. */
    public List<Place> places(CurrentUser user, long id) {
        round(user, id);
        Map<String, LotteryV1.Applicant> published = new HashMap<>();
        rounds.applicants(id).forEach(a -> published.put(a.ref(), a));
        return jdbc.sql("""
                        select a.id, a.position, a.applicant_ref, a.priority_group, a.outcome,
                               u.building_number || '栋' || u.unit_number as unit
                          from selection_applicant a left join unit_label u on u.unit_id = a.unit_id
                         where a.round_id = ? order by a.position nulls last, a.applicant_ref""")
                .param(id)
                .query((rs, n) -> {
                    LotteryV1.Applicant p = published.get(rs.getString("applicant_ref"));
                    return new Place(rs.getLong("id"), (Integer) rs.getObject("position"), rs.getString("applicant_ref"),
                            rs.getInt("priority_group"), p == null ? null : p.points(), p == null ? "" : p.maskedName(),
                            p == null ? "" : p.maskedId(),
                            rs.getString("outcome"), rs.getString("unit"));
                })
                .list();
    }

    public record FreeUnit(long id, String label) {
    }

    /** The units still free in the round's pool, as a clerk reads them out: 1栋1001 两室一厅 58.10㎡. */
    public List<FreeUnit> freeUnits(long id) {
        List<Long> pool = jdbc.sql("select unit_id from selection_round_unit where round_id = ?").param(id).query(Long.class).list();
        return housing.vacantUnitsReadOut(pool).entrySet().stream().map(e -> new FreeUnit(e.getKey(), e.getValue())).toList();
    }

    /**
     * Everything a third party needs to re-check the draw, in the text format the standalone verifier reads
     * (tools/lottery-verifier). Only after the draw: before it, the seed is secret.
     */
    public String publication(long id) {
        SelectionRound r = rounds.round(id);
        StringBuilder text = new StringBuilder();
        text.append("algorithm: ").append(r.algorithm()).append('\n');
        text.append("round: ").append(r.id()).append(' ').append(r.name()).append('\n');
        if (r.pointsTable() != null) {
            text.append("points-table: ").append(r.pointsTable()).append('\n');
        }
        text.append("group-order: ").append(String.join(",", r.groupOrder().stream().map(String::valueOf).toList())).append('\n');
        text.append("list-digest: ").append(nullToEmpty(r.listDigest())).append('\n');
        text.append("seed-commitment: ").append(nullToEmpty(r.seedCommitment())).append('\n');
        text.append("public-value: ").append(nullToEmpty(r.publicValue())).append('\n');
        text.append("seed: ").append(nullToEmpty(r.seed())).append('\n');
        text.append("applicants:\n").append(nullToEmpty(r.applicantList()));
        text.append("order:\n");
        rounds.drawnOrder(id).forEach(ref -> text.append(ref).append('\n'));
        return text.toString();
    }

    public boolean matches(long id) {
        return rounds.matches(id);
    }

    private RoundRow row(ResultSet rs) throws SQLException {
        return new RoundRow(rs.getLong("id"), districts.nameOf(rs.getString("district_code")), rs.getString("name"),
                rs.getString("status"), rs.getString("list_digest"), rs.getString("seed_commitment"),
                rs.getString("public_value"), rs.getString("seed"), rs.getObject("created_at", OffsetDateTime.class),
                rs.getLong("applicants"), rs.getLong("units"), rs.getLong("chosen"), rs.getString("method"),
                rs.getString("algorithm_version"), rs.getString("points_table"));
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
