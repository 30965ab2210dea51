package cn.anju.household;

import cn.anju.identity.CurrentUser;
import cn.anju.identity.DataScopes;
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

import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * 轮候: eligible households (a decision in force) waiting for a unit, in priority group order, then by registration
 * date. Groups follow common practice (DOMAIN.md 2.1): 1 特困/低保 with a disability, 2 低保/特困, 3 disability,
 * 4 优抚 veterans' families, 5 aged 60 or more, 6 others; a selection round may order them its own way.
 * Households with an open lease (known to the lease module through {@link HousedHouseholds}) are not waiting.
 */
@NamedInterface("api")
@Service
public class Waitlist {

    /** The priority group, computed in SQL from the household's category and special groups. */
    static final String GROUP = """
            case when h.category in ('MINIMUM_LIVING', 'EXTREME_POVERTY') and 'DISABILITY' = any(h.special_groups) then 1
                 when h.category in ('MINIMUM_LIVING', 'EXTREME_POVERTY') then 2
                 when 'DISABILITY' = any(h.special_groups) then 3
                 when 'VETERAN_FAMILY' = any(h.special_groups) then 4
                 when 'ELDERLY' = any(h.special_groups) then 5
                 else 6 end""";

    private final JdbcClient jdbc;
    private final DataScopes scopes;
    private final Districts districts;
    private final Clock clock;
    private final MemberIdentity identity;
    private final List<HousedHouseholds> housed;

    Waitlist(JdbcClient jdbc, DataScopes scopes, Districts districts, Clock clock, MemberIdentity identity,
             List<HousedHouseholds> housed) {
        this.jdbc = jdbc;
        this.scopes = scopes;
        this.districts = districts;
        this.clock = clock;
        this.identity = identity;
        this.housed = housed;
    }

    private Long[] housedIn(String districtCode) {
        Set<Long> ids = new HashSet<>();
        housed.forEach(h -> ids.addAll(h.housed(districtCode)));
        return ids.toArray(Long[]::new);
    }

    public record Entry(int position, long householdId, String districtName, String headName, HouseholdCategory category,
                        int priorityGroup, LocalDate registeredOn, LocalDate eligibleUntil) {
    }

    /**
     * An applicant for a selection round: the household, its group, its head as the public list shows it, and the
     * facts a points table counts (registration day, members, category, special groups).
     */
    public record Candidate(long householdId, int priorityGroup, String maskedHeadName, String maskedHeadId,
                            LocalDate registeredOn, int members, String category, List<String> specialGroups) {
    }

    /** Every waiting household of a district, for a selection round (no user scope: the round's officer decided). */
    public List<Candidate> candidates(String districtCode) {
        return jdbc.sql("""
                        select h.id, %s as priority_group, head.name, head.id_number, h.registered_on,
                               (select count(*) from household_member m where m.household_id = h.id), h.category,
                               coalesce(h.special_groups, '{}')
                          from household h
                          join household_member head on head.household_id = h.id and head.relationship = 'HEAD'
                         where h.district_code = ? and exists (select 1 from eligibility_decision d where d.household_id = h.id
                               and d.status = 'VALID' and d.valid_to >= ?)
                           and not (h.id = any(?))
                         order by h.id""".formatted(GROUP))
                .params(districtCode, Date.valueOf(LocalDate.now(clock)), housedIn(districtCode))
                .query((rs, n) -> new Candidate(rs.getLong(1), rs.getInt(2), Masks.name(rs.getString(3)),
                        Masks.idNumber(identity.decryptIdNumber(rs.getString(4))),
                        rs.getObject(5, LocalDate.class), rs.getInt(6), rs.getString(7),
                        List.of((String[]) rs.getArray(8).getArray())))
                .list();
    }

    /** Whether the household is waiting in its district: eligibility in force and no home through the platform yet. */
    public boolean isWaiting(String districtCode, long householdId) {
        return jdbc.sql("""
                        select count(*) from household h where h.id = ? and h.district_code = ?
                           and exists (select 1 from eligibility_decision d where d.household_id = h.id and d.status = 'VALID'
                                       and d.valid_from <= ? and d.valid_to >= ?)
                           and not (h.id = any(?))""")
                .params(householdId, districtCode, Date.valueOf(LocalDate.now(clock)), Date.valueOf(LocalDate.now(clock)),
                        housedIn(districtCode))
                .query(Long.class).single() > 0;
    }

    public PageResponse<Entry> entries(CurrentUser user, String districtCode, PageQuery page) {
        if (!user.hasAny(Role.GOV_ADMIN, Role.GOV_OFFICER, Role.OPERATOR_MANAGER, Role.OPERATOR_STAFF)) {
            throw ProblemException.forbidden("WAITLIST_FORBIDDEN", "您的角色不能查看轮候名单。");
        }
        ScopeFilter scope = scopes.filter(user, ScopeFilter.Columns.district("h.district_code"));
        List<Object> params = new ArrayList<>();
        params.add(Date.valueOf(LocalDate.now(clock)));
        params.add(housedIn(districtCode == null || districtCode.isBlank() ? null : districtCode));
        params.addAll(scope.params());
        String district = "";
        if (districtCode != null && !districtCode.isBlank()) {
            district = " and h.district_code = ?";
            params.add(districtCode);
        }
        String from = """
                from household h
                join household_member head on head.household_id = h.id and head.relationship = 'HEAD'
                join lateral (select d.valid_to from eligibility_decision d where d.household_id = h.id and d.status = 'VALID'
                               and d.valid_to >= ? order by d.valid_to desc limit 1) cur on true
                where not (h.id = any(?)) and %s%s""".formatted(scope.sql(), district);
        long total = jdbc.sql("select count(*) " + from).params(params).query(Long.class).single();
        List<Object> pageParams = new ArrayList<>(params);
        pageParams.add(page.size());
        pageParams.add(page.offset());
        List<Entry> items = jdbc.sql("""
                        select row_number() over (order by %s, h.registered_on, h.id) as position, h.id, h.district_code,
                               head.name, h.category, %s as priority_group, h.registered_on, cur.valid_to
                        %s order by position limit ? offset ?""".formatted(GROUP, GROUP, from))
                .params(pageParams)
                .query((rs, n) -> new Entry(rs.getInt("position"), rs.getLong("id"), districts.nameOf(rs.getString("district_code")),
                        rs.getString("name"), HouseholdCategory.valueOf(rs.getString("category")), rs.getInt("priority_group"),
                        rs.getObject("registered_on", LocalDate.class), rs.getObject("valid_to", LocalDate.class)))
                .list();
        return PageResponse.of(items, page, total);
    }
}
