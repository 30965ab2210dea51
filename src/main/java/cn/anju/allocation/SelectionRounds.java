package cn.anju.allocation;

import cn.anju.shared.privacy.EncryptedColumn;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Bean;
import cn.anju.audit.AuditLog;
import cn.anju.audit.AuditOutcome;
import cn.anju.household.Waitlist;
import cn.anju.housing.HousingStock;
import cn.anju.identity.CurrentUser;
import cn.anju.identity.DataScope;
import cn.anju.identity.DataScopes;
import cn.anju.identity.OrganisationType;
import cn.anju.shared.Role;
import cn.anju.shared.privacy.FieldCipher;
import cn.anju.shared.state.StateChanges;
import cn.anju.shared.web.ProblemException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

import java.security.SecureRandom;
import java.sql.Array;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * A selection round's life: the district's officer creates it (pool and applicants), publishes the masked list with
 * its digest and the seed commitment, records the public value read out at the draw event, then reveals the seed,
 * which fixes the order. Each step only in its turn: the public value can never follow the seed.
 */
@NamedInterface("api")
@Service
public class SelectionRounds {

    static final String SEED_PURPOSE = "selection_round.seed";
    static final List<Integer> DEFAULT_GROUP_ORDER = List.of(1, 2, 3, 4, 5, 6);

    private final JdbcClient jdbc;
    private final Waitlist waitlist;
    private final HousingStock housing;
    private final DataScopes scopes;
    private final FieldCipher cipher;
    private final AuditLog audit;
    private final StateChanges changes;
    private final Clock clock;
    private final JsonMapper json;
    private final SecureRandom random = new SecureRandom();

    SelectionRounds(JdbcClient jdbc, Waitlist waitlist, HousingStock housing, DataScopes scopes, FieldCipher cipher,
                    AuditLog audit, StateChanges changes, Clock clock, JsonMapper json) {
        this.json = json;
        this.jdbc = jdbc;
        this.waitlist = waitlist;
        this.housing = housing;
        this.scopes = scopes;
        this.cipher = cipher;
        this.audit = audit;
        this.changes = changes;
        this.clock = clock;
    }

    public enum Method { LOTTERY, POINTS }

    /**
     * @param method      lottery within priority groups (default) or points ranking
     * @param pointsTable for a points round; null takes {@link PointsTable#DEFAULT}
     */
    public record NewRound(String name, long projectId, List<Integer> groupOrder, Method method, PointsTable pointsTable) {

        public NewRound(String name, long projectId, List<Integer> groupOrder) {
            this(name, projectId, groupOrder, Method.LOTTERY, null);
        }
    }

    @Transactional
    public long create(CurrentUser actor, NewRound r) {
        String district = actor.regionCode();
        requireDistrictOfficer(actor, district);
        if (r.name() == null || r.name().isBlank()) {
            throw ProblemException.badRequest("ROUND_NAME_REQUIRED", "请填写选房轮次名称。");
        }
        List<Integer> order = r.groupOrder() == null || r.groupOrder().isEmpty() ? DEFAULT_GROUP_ORDER : r.groupOrder();
        if (order.stream().anyMatch(g -> g < 1 || g > 9) || order.stream().distinct().count() != order.size()) {
            throw ProblemException.badRequest("GROUP_ORDER_INVALID", "优先组顺序应为1到9之间不重复的数字。");
        }
        List<Long> units = housing.vacantUnits(district, r.projectId());
        if (units.isEmpty()) {
            throw ProblemException.unprocessable("POOL_EMPTY", "该项目没有空置房源，不能组织选房。");
        }
        List<Waitlist.Candidate> candidates = waitlist.candidates(district);
        if (candidates.isEmpty()) {
            throw ProblemException.unprocessable("NO_APPLICANTS", "本区县没有资格有效的轮候家庭。");
        }
        Method method = r.method() == null ? Method.LOTTERY : r.method();
        PointsTable table = method == Method.POINTS ? (r.pointsTable() == null ? PointsTable.DEFAULT : r.pointsTable()) : null;
        if (table != null) {
            table.requireValid();
        }
        long id = jdbc.sql("""
                        insert into selection_round (district_code, name, method, algorithm_version, group_order, points_table,
                                                     status, created_by, created_at)
                        values (?, ?, ?, ?, ?, ?::jsonb, 'DRAFT', ?, ?) returning id""")
                .params(district, r.name().trim(), method.name(), method == Method.POINTS ? LotteryV1.POINTS_VERSION : LotteryV1.VERSION,
                        order.toArray(Integer[]::new), table == null ? null : json.writeValueAsString(table), actor.id(),
                        Timestamp.from(clock.instant()))
                .query(Long.class).single();
        units.forEach(u -> jdbc.sql("insert into selection_round_unit (round_id, unit_id) values (?, ?)").params(id, u).update());
        int n = 0;
        LocalDate today = LocalDate.now(clock);
        for (Waitlist.Candidate c : candidates) {
            jdbc.sql("insert into selection_applicant (round_id, household_id, applicant_ref, priority_group, points) values (?, ?, ?, ?, ?)")
                    .params(id, c.householdId(), String.format("A%05d", ++n), c.priorityGroup(),
                            table == null ? null : table.score(c, today)).update();
        }
        audit.record(AllocationAudit.SELECTION_ROUND_CREATE, "selection_round", id, AuditOutcome.SUCCESS,
                Map.of("units", units.size(), "applicants", candidates.size()));
        return id;
    }

    /** Publishes the masked list, its digest and the commitment to a fresh secret seed. */
    @Transactional
    public void publish(CurrentUser actor, long roundId) {
        SelectionRound round = round(roundId);
        requireDistrictOfficer(actor, round.district());
        round.require(SelectionRound.Status.DRAFT, "只有草稿状态的轮次可以公布名单。");
        List<LotteryV1.Applicant> applicants = applicants(roundId);
        String list = LotteryV1.listText(applicants);
        byte[] raw = new byte[32];
        random.nextBytes(raw);
        String seed = HexFormat.of().formatHex(raw);
        changes.apply(round.publish(list, LotteryV1.digest(list), LotteryV1.commitment(seed), cipher.encrypt(seed, SEED_PURPOSE)),
                c -> audit.record(AllocationAudit.SELECTION_ROUND_PUBLISH, "selection_round", roundId, AuditOutcome.SUCCESS,
                        Map.of("digest", LotteryV1.digest(list))));
    }

    /** The value read out at the draw event; only before the seed is revealed. */
    @Transactional
    public void recordPublicValue(CurrentUser actor, long roundId, String value) {
        SelectionRound round = round(roundId);
        requireDistrictOfficer(actor, round.district());
        round.require(SelectionRound.Status.PUBLISHED, "公开随机数只能在名单公布后、种子揭示前录入一次。");
        if (value == null || !value.trim().matches("[0-9A-Za-z]{1,64}")) {
            throw ProblemException.badRequest("PUBLIC_VALUE_INVALID", "公开随机数应为1到64位数字或字母。");
        }
        changes.apply(round.recordPublicValue(value.trim(), clock.instant()),
                c -> audit.record(AllocationAudit.SELECTION_ROUND_PUBLIC_VALUE, "selection_round", roundId, AuditOutcome.SUCCESS, Map.of("value", value.trim())));
    }

    /** Reveals the seed and fixes the order. */
    @Transactional
    public void draw(CurrentUser actor, long roundId) {
        SelectionRound round = round(roundId);
        requireDistrictOfficer(actor, round.district());
        round.require(SelectionRound.Status.PUBLIC_VALUE_RECORDED, "请先录入现场公开随机数，再揭示种子开奖。");
        String seed = cipher.decrypt(round.seedSealed(), SEED_PURPOSE);
        byte[] key = LotteryV1.drawKey(seed, round.publicValue(), round.listDigest());
        List<String> order = LotteryV1.order(round.algorithm(), applicants(roundId), round.groupOrder(), key);
        for (int i = 0; i < order.size(); i++) {
            jdbc.sql("update selection_applicant set position = ? where round_id = ? and applicant_ref = ?")
                    .params(i + 1, roundId, order.get(i)).update();
        }
        changes.apply(round.draw(seed, clock.instant()),
                c -> audit.record(AllocationAudit.SELECTION_ROUND_DRAW, "selection_round", roundId, AuditOutcome.SUCCESS, Map.of("applicants", order.size())));
    }

    /** Recomputes the order from the published data alone and compares it with the stored one. */
    public boolean matches(long roundId) {
        SelectionRound round = round(roundId);
        if (round.seed() == null) {
            return false;
        }
        if (!LotteryV1.digest(round.applicantList()).equals(round.listDigest())
                || !LotteryV1.commitment(round.seed()).equals(round.seedCommitment())) {
            return false;
        }
        List<String> expected = LotteryV1.order(round.algorithm(), applicants(roundId), round.groupOrder(),
                LotteryV1.drawKey(round.seed(), round.publicValue(), round.listDigest()));
        return expected.equals(drawnOrder(roundId));
    }

    // --- reading

    SelectionRound round(long id) {
        return jdbc.sql("select * from selection_round where id = ?").param(id)
                .query((rs, n) -> new SelectionRound(rs.getLong("id"), rs.getString("district_code"), rs.getString("name"),
                        SelectionRound.Status.valueOf(rs.getString("status")), ints(rs.getArray("group_order")), rs.getString("applicant_list"),
                        rs.getString("list_digest"), rs.getString("seed_commitment"), rs.getString("seed_sealed"),
                        rs.getString("public_value"), rs.getString("seed"), rs.getInt("version"),
                        rs.getString("algorithm_version"), rs.getString("points_table")))
                .optional().orElseThrow(() -> ProblemException.notFound("ROUND_NOT_FOUND", "选房轮次不存在。"));
    }

    /** The applicants as the published list shows them (masked). */
    List<LotteryV1.Applicant> applicants(long roundId) {
        SelectionRound round = round(roundId);
        if (round.applicantList() != null) {
            return Arrays.stream(round.applicantList().split("\n")).filter(l -> !l.isBlank()).map(LotteryV1.Applicant::parse).toList();
        }
        Map<Long, Waitlist.Candidate> byHousehold = new HashMap<>();
        waitlist.candidates(round.district()).forEach(c -> byHousehold.put(c.householdId(), c));
        return jdbc.sql("select household_id, applicant_ref, priority_group, points from selection_applicant where round_id = ? order by applicant_ref")
                .param(roundId)
                .query((rs, n) -> {
                    Waitlist.Candidate c = byHousehold.get(rs.getLong(1));
                    return new LotteryV1.Applicant(rs.getString(2), rs.getInt(3), (Integer) rs.getObject(4),
                            c == null ? "" : c.maskedHeadName(), c == null ? "" : c.maskedHeadId());
                })
                .list();
    }

    List<String> drawnOrder(long roundId) {
        return jdbc.sql("select applicant_ref from selection_applicant where round_id = ? and position is not null order by position")
                .param(roundId).query(String.class).list();
    }

    /** The district's housing officers run rounds. */
    static void requireDistrictOfficer(CurrentUser actor, String district) {
        if (!(actor.hasAny(Role.GOV_ADMIN, Role.GOV_OFFICER) && actor.organisationType() == OrganisationType.DISTRICT_HOUSING
                && district != null && district.equals(actor.regionCode()))) {
            throw ProblemException.forbidden("ROUND_GOVERNMENT_ONLY", "选房轮次由该区县住房保障部门组织。");
        }
    }

    /** Who may see a round: the district's government users and the operators covering it (the public page is separate). */
    void requireReader(CurrentUser actor, String district) {
        DataScope scope = scopes.of(actor);
        boolean reader = actor.hasAny(Role.GOV_ADMIN, Role.GOV_OFFICER, Role.OPERATOR_MANAGER, Role.OPERATOR_STAFF)
                && scope.coversDistrict(district);
        if (!reader) {
            throw ProblemException.notFound("ROUND_NOT_FOUND", "选房轮次不存在。");
        }
    }

    private static List<Integer> ints(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.stream((Integer[]) array.getArray()).toList();
    }

    /** Registers the sealed seeds for key rotation and suite switches. */
    @Configuration(proxyBeanMethods = false)
    static class Columns {
        @Bean
        EncryptedColumn selectionRoundSeedColumn() {
            return new EncryptedColumn("selection_round", "id", "seed_sealed", SEED_PURPOSE);
        }
    }
}
