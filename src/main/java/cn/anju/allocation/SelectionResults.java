package cn.anju.allocation;

import cn.anju.housing.HousingStock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;

import java.time.Instant;
import java.util.List;

/**
 * The rounds whose order is drawn, as the public may read them: what was drawn where and when, how many households
 * and units took part and the values anyone needs to re-check the draw. No household: the order and the choices are on
 * the round's public page ({@link #PUBLIC_PAGE}).
 */
@NamedInterface("api")
@Service
public class SelectionResults {

    /** The round's public result page (结果公示), with the masked order, the outcomes and the verifier's text. */
    public static final String PUBLIC_PAGE = "/public/selection-rounds/%d";

    /**
     * @param byPoints   ordered by a points ranking (ties by the lottery), not by lot within priority groups
     * @param projects   the names of the projects whose units were in the pool
     * @param publicValue the value read out at the draw event; {@code seed} the seed revealed, committed to beforehand
     */
    public record DrawnRound(long id, String districtCode, String name, boolean byPoints, String algorithm, Instant drawnAt,
                             long applicants, long units, List<String> projects, String listDigest, String seedCommitment,
                             String publicValue, String seed) {

        public String publicPage() {
            return PUBLIC_PAGE.formatted(id);
        }
    }

    private final JdbcClient jdbc;
    private final HousingStock housing;

    SelectionResults(JdbcClient jdbc, HousingStock housing) {
        this.jdbc = jdbc;
        this.housing = housing;
    }

    /** Every round drawn (or closed since), in every district, in the order drawn. */
    public List<DrawnRound> drawn() {
        record Row(DrawnRound round, List<Long> pool) {
        }
        List<Row> rows = jdbc.sql("""
                        select r.*, (select count(*) from selection_applicant a where a.round_id = r.id) as applicants,
                               (select array_agg(u.unit_id) from selection_round_unit u where u.round_id = r.id) as pool
                          from selection_round r where r.status in ('DRAWN', 'CLOSED') and r.seed_revealed_at is not null
                         order by r.seed_revealed_at, r.id""")
                .query((rs, n) -> new Row(new DrawnRound(rs.getLong("id"), rs.getString("district_code"), rs.getString("name"),
                        LotteryV1.POINTS_VERSION.equals(rs.getString("algorithm_version")), rs.getString("algorithm_version"),
                        rs.getTimestamp("seed_revealed_at").toInstant(), rs.getLong("applicants"), 0, List.of(),
                        rs.getString("list_digest"), rs.getString("seed_commitment"), rs.getString("public_value"), rs.getString("seed")),
                        rs.getArray("pool") == null ? List.of() : List.of((Long[]) rs.getArray("pool").getArray())))
                .list();
        return rows.stream().map(row -> {
            DrawnRound r = row.round();
            List<String> projects = housing.describeAll(row.pool()).values().stream().map(HousingStock.UnitDescription::projectName)
                    .distinct().sorted().toList();
            return new DrawnRound(r.id(), r.districtCode(), r.name(), r.byPoints(), r.algorithm(), r.drawnAt(), r.applicants(),
                    row.pool().size(), projects, r.listDigest(), r.seedCommitment(), r.publicValue(), r.seed());
        }).toList();
    }
}
