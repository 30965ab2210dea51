package cn.anju.household;

import cn.anju.identity.CurrentUser;
import cn.anju.identity.DataScopes;
import cn.anju.identity.PersonalDataAccess;
import cn.anju.identity.ScopeFilter;
import cn.anju.shared.Districts;
import cn.anju.shared.Role;
import cn.anju.shared.privacy.Masks;
import cn.anju.shared.web.PageQuery;
import cn.anju.shared.web.PageResponse;
import cn.anju.shared.web.ProblemException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Households as people look them up, always within scope and always masked: ID numbers and phones leave this
 * class decrypted only through {@link #reveal}, which is audited. Search by ID number or phone is exact, through
 * the keyed indexes, never by decrypting rows.
 */
@NamedInterface("api")
@Service
public class HouseholdQueries {

    private static final ScopeFilter.Columns COLUMNS = new ScopeFilter.Columns("h.district_code", null, "h.id");

    private final JdbcClient jdbc;
    private final DataScopes scopes;
    private final Districts districts;
    private final MemberIdentity identity;
    private final PersonalDataAccess personalData;
    private final Clock clock;
    private final ExactSearches exactSearches;

    HouseholdQueries(JdbcClient jdbc, DataScopes scopes, Districts districts, MemberIdentity identity,
                     PersonalDataAccess personalData, Clock clock, ExactSearches exactSearches) {
        this.exactSearches = exactSearches;
        this.jdbc = jdbc;
        this.scopes = scopes;
        this.districts = districts;
        this.identity = identity;
        this.personalData = personalData;
        this.clock = clock;
    }

    public record Filter(String name, String idNumber, String phone, HouseholdCategory category,
                         EligibilityStatus eligibility) {
    }

    public record HouseholdRow(long id, String districtCode, String districtName, String headName,
                               String headIdNumberMasked, HouseholdCategory category, int members,
                               EligibilityStatus eligibility, LocalDate validTo) {
    }

    /**
     * A member as lists show it. The birth year only: the masked ID number hides exactly the birth date (digits
     * 7-14), so a full birth date beside it would give the whole number back.
     */
    public record Member(long id, String name, Relationship relationship, String idNumberMasked, String phoneMasked,
                         int birthYear) {
    }

    public record Decision(long id, String decisionNumber, String issuingBureau, LocalDate decidedOn, LocalDate validFrom,
                           LocalDate validTo, BigDecimal approvedArea, RentTier rentTier, EligibilityStatus status,
                           String statusReason, Long follows) {
    }

    public record Report(long id, ChangeReportKind kind, String description, String status, String reportedBy,
                         OffsetDateTime reportedAt, String decisionNote) {
    }

    public record Detail(long id, String districtCode, String districtName, HouseholdCategory category,
                         List<String> specialGroups, LocalDate registeredOn, List<Member> members,
                         List<Decision> decisions, List<Report> reports) {
    }

    /** Households are for the housing officers and the operator's staff (tenants: their own, with tenant accounts). */
    static void requireReader(CurrentUser user) {
        if (!user.hasAny(Role.GOV_ADMIN, Role.GOV_OFFICER, Role.OPERATOR_MANAGER, Role.OPERATOR_STAFF, Role.TENANT)) {
            throw ProblemException.forbidden("HOUSEHOLDS_FORBIDDEN", "您的角色不能查看保障家庭信息。");
        }
    }

    /** The largest export: beyond it, narrow the filter. */
    public static final int EXPORT_LIMIT = 100_000;

    public PageResponse<HouseholdRow> search(CurrentUser user, Filter filter, PageQuery page) {
        return search(user, filter, page.size(), page.offset(), page);
    }

    /** Every household the filter selects (masked like every other view), up to {@link #EXPORT_LIMIT}. */
    public List<HouseholdRow> all(CurrentUser user, Filter filter) {
        return search(user, filter, EXPORT_LIMIT, 0, null).items();
    }

    private PageResponse<HouseholdRow> search(CurrentUser user, Filter filter, int limit, long offset, PageQuery page) {
        requireReader(user);
        ExactSearches.Kind exact = filter.idNumber() != null && !filter.idNumber().isBlank() ? ExactSearches.Kind.ID_NUMBER
                : filter.phone() != null && filter.phone().replaceAll("[^0-9]", "").length() > 4 ? ExactSearches.Kind.PHONE : null;
        if (exact != null) {
            exactSearches.admit(user, exact);
        }
        ScopeFilter scope = scopes.filter(user, COLUMNS);
        StringBuilder where = new StringBuilder(scope.sql());
        List<Object> params = new ArrayList<>(scope.params());
        if (filter.name() != null && !filter.name().isBlank()) {
            where.append(" and exists (select 1 from household_member m where m.household_id = h.id and m.name like ?)");
            params.add(filter.name().trim().replace("%", "").replace("_", "") + "%");
        }
        if (filter.idNumber() != null && !filter.idNumber().isBlank()) {
            where.append(" and exists (select 1 from household_member m where m.household_id = h.id and m.id_number_index = any(?))");
            params.add(identity.idNumberIndexes(filter.idNumber()));
        }
        if (filter.phone() != null && !filter.phone().isBlank()) {
            String digits = filter.phone().replaceAll("[^0-9]", "");
            if (digits.length() == 4) {
                where.append(" and exists (select 1 from household_member m where m.household_id = h.id and m.phone_last4_index = any(?))");
                params.add(identity.phoneLast4Indexes(digits));
            } else {
                where.append(" and exists (select 1 from household_member m where m.household_id = h.id and m.phone_index = any(?))");
                params.add(identity.phoneIndexes(digits));
            }
        }
        if (filter.category() != null) {
            where.append(" and h.category = ?");
            params.add(filter.category().name());
        }
        String current = """
                (select d.status from eligibility_decision d where d.household_id = h.id
                  order by d.valid_to desc, d.id desc limit 1)""";
        if (filter.eligibility() != null) {
            where.append(" and ").append(current).append(" = ?");
            params.add(filter.eligibility().name());
        }
        long total = page == null ? -1
                : jdbc.sql("select count(*) from household h where " + where).params(params).query(Long.class).single();
        List<Object> pageParams = new ArrayList<>(params);
        pageParams.add(limit);
        pageParams.add(offset);
        List<HouseholdRow> rows = jdbc.sql("""
                        select h.id, h.district_code, h.category, head.name as head_name, head.id_number as head_id,
                               (select count(*) from household_member m where m.household_id = h.id) as members,
                               cur.status as eligibility, cur.valid_to
                          from household h
                          join household_member head on head.household_id = h.id and head.relationship = 'HEAD'
                          left join lateral (select d.status, d.valid_to from eligibility_decision d where d.household_id = h.id
                                              order by d.valid_to desc, d.id desc limit 1) cur on true
                         where %s
                         order by h.id desc limit ? offset ?""".formatted(where))
                .params(pageParams)
                .query((rs, n) -> new HouseholdRow(rs.getLong("id"), rs.getString("district_code"),
                        districts.nameOf(rs.getString("district_code")), rs.getString("head_name"),
                        Masks.idNumber(identity.decryptIdNumber(rs.getString("head_id"))),
                        HouseholdCategory.valueOf(rs.getString("category")), rs.getInt("members"),
                        rs.getString("eligibility") == null ? null : effective(EligibilityStatus.valueOf(rs.getString("eligibility")),
                                rs.getObject("valid_to", LocalDate.class)),
                        rs.getObject("valid_to", LocalDate.class)))
                .list();
        if (exact != null) {
            exactSearches.record(user, exact, !rows.isEmpty());
        }
        return page == null ? new PageResponse<>(rows, 1, rows.size(), rows.size(), 1) : PageResponse.of(rows, page, total);
    }

    /** A valid decision whose period has passed is expired, whether or not the nightly job has marked it yet. */
    EligibilityStatus effective(EligibilityStatus stored, LocalDate validTo) {
        return stored == EligibilityStatus.VALID && validTo.isBefore(LocalDate.now(clock)) ? EligibilityStatus.EXPIRED : stored;
    }

    /**
     * The household's district if the user may see this household (scope as for the household pages: a district's
     * users, operators of its projects, the tenant itself); otherwise 404, so the answer never confirms it exists.
     */
    public String requireVisible(CurrentUser user, long householdId) {
        requireReader(user);
        ScopeFilter scope = scopes.filter(user, COLUMNS);
        List<Object> params = new ArrayList<>(scope.params());
        params.add(householdId);
        return jdbc.sql("select district_code from household h where " + scope.sql() + " and h.id = ?").params(params)
                .query(String.class).optional()
                .orElseThrow(() -> ProblemException.notFound("HOUSEHOLD_NOT_FOUND", "保障家庭不存在，或不在您的数据范围内。"));
    }

    public Detail detail(CurrentUser user, long householdId) {
        requireReader(user);
        ScopeFilter scope = scopes.filter(user, COLUMNS);
        List<Object> params = new ArrayList<>(scope.params());
        params.add(householdId);
        record Head(String district, String category, Array groups, LocalDate registered) {
        }
        Head head = jdbc.sql("select district_code, category, special_groups, registered_on from household h where "
                        + scope.sql() + " and h.id = ?")
                .params(params)
                .query((rs, n) -> new Head(rs.getString(1), rs.getString(2), rs.getArray(3), rs.getObject(4, LocalDate.class)))
                .optional()
                .orElseThrow(() -> ProblemException.notFound("HOUSEHOLD_NOT_FOUND", "保障家庭不存在，或不在您的数据范围内。"));
        List<Member> members = jdbc.sql("""
                        select id, name, relationship, id_number, phone, birth_date from household_member
                         where household_id = ? order by (relationship = 'HEAD') desc, birth_date""")
                .param(householdId)
                .query((rs, n) -> new Member(rs.getLong("id"), rs.getString("name"),
                        Relationship.valueOf(rs.getString("relationship")),
                        Masks.idNumber(identity.decryptIdNumber(rs.getString("id_number"))),
                        rs.getString("phone") == null ? "" : Masks.phone(identity.decryptPhone(rs.getString("phone"))),
                        rs.getObject("birth_date", LocalDate.class).getYear()))
                .list();
        List<Decision> decisions = jdbc.sql("""
                        select * from eligibility_decision where household_id = ? order by valid_to desc, id desc""")
                .param(householdId)
                .query((rs, n) -> new Decision(rs.getLong("id"), rs.getString("decision_number"), rs.getString("issuing_bureau"),
                        rs.getObject("decided_on", LocalDate.class), rs.getObject("valid_from", LocalDate.class),
                        rs.getObject("valid_to", LocalDate.class), rs.getBigDecimal("approved_area"),
                        RentTier.valueOf(rs.getString("rent_tier")),
                        effective(EligibilityStatus.valueOf(rs.getString("status")), rs.getObject("valid_to", LocalDate.class)),
                        rs.getString("status_reason"), (Long) rs.getObject("follows_id")))
                .list();
        List<Report> reports = jdbc.sql("""
                        select r.*, u.display_name as reporter from change_report r join staff_name u on u.user_id = r.reported_by
                         where r.household_id = ? order by r.reported_at desc""")
                .param(householdId)
                .query((rs, n) -> new Report(rs.getLong("id"), ChangeReportKind.valueOf(rs.getString("kind")),
                        rs.getString("description"), rs.getString("status"), rs.getString("reporter"),
                        rs.getObject("reported_at", OffsetDateTime.class), rs.getString("decision_note")))
                .list();
        return new Detail(householdId, head.district(), districts.nameOf(head.district()),
                HouseholdCategory.valueOf(head.category()),
                head.groups() == null ? List.of() : Arrays.asList((String[]) uncheckedArray(head.groups())),
                head.registered(), members, decisions, reports);
    }

    /** The head of a household as a printed contract names it: full name, ID number masked. */
    public record Head(String name, String maskedIdNumber, int members) {
    }

    public Head head(long householdId) {
        return jdbc.sql("""
                        select m.name, m.id_number, (select count(*) from household_member x where x.household_id = m.household_id)
                          from household_member m where m.household_id = ? and m.relationship = 'HEAD'""")
                .param(householdId)
                .query((rs, n) -> new Head(rs.getString(1), Masks.idNumber(identity.decryptIdNumber(rs.getString(2))), rs.getInt(3)))
                .single();
    }

    /** The heads' names as lists show them (张*), keyed by household, for households the caller may already see. */
    public Map<Long, String> maskedHeadNames(Collection<Long> householdIds) {
        return jdbc.sql("select household_id, name from household_member where household_id = any(?) and relationship = 'HEAD'")
                .param(householdIds.toArray(Long[]::new))
                .query((rs, n) -> Map.entry(rs.getLong(1), Masks.name(rs.getString(2))))
                .list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** The member who signs for the household and receives its messages. */
    public Optional<Long> headMemberId(long householdId) {
        return jdbc.sql("select id from household_member where household_id = ? and relationship = 'HEAD'")
                .param(householdId).query(Long.class).optional();
    }

    /** The district of a household the user may see; not found (rather than forbidden) outside scope. */
    String districtInScope(CurrentUser user, long householdId) {
        return detail(user, householdId).districtCode();
    }

    public enum Field { ID_NUMBER, PHONE }

    /** The full value of one member's field, for a role that needs it, audited. */
    public String reveal(CurrentUser user, long householdId, long memberId, Field field) {
        detail(user, householdId); // in scope, or not found
        record Stored(String idNumber, String phone) {
        }
        Stored stored = jdbc.sql("select id_number, phone from household_member where id = ? and household_id = ?")
                .params(memberId, householdId)
                .query((rs, n) -> new Stored(rs.getString(1), rs.getString(2))).optional()
                .orElseThrow(() -> ProblemException.notFound("MEMBER_NOT_FOUND", "家庭成员不存在。"));
        return personalData.reveal(user, "household_member", memberId, field == Field.ID_NUMBER ? "id_number" : "phone",
                () -> field == Field.ID_NUMBER ? identity.decryptIdNumber(stored.idNumber()) : identity.decryptPhone(stored.phone()));
    }

    private static Object uncheckedArray(Array array) {
        try {
            return array.getArray();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
