package cn.anju.identity;

import cn.anju.shared.Districts;
import cn.anju.shared.Duty;
import cn.anju.shared.Role;
import cn.anju.shared.web.PageQuery;
import cn.anju.shared.web.PageResponse;
import cn.anju.shared.web.ProblemException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** Read models of the identity module for pages, the API and other modules, always within the caller's scope. */
@NamedInterface("api")
@Service
public class IdentityQueries {

    private final JdbcClient jdbc;
    private final Districts districts;
    private final DataScopes scopes;
    private final Clock clock;

    IdentityQueries(JdbcClient jdbc, Districts districts, DataScopes scopes, Clock clock) {
        this.jdbc = jdbc;
        this.districts = districts;
        this.scopes = scopes;
        this.clock = clock;
    }

    public record OrganisationRow(Long id, String code, String name, OrganisationType type, String regionCode,
                                  String regionName, String creditCode, boolean active, long accounts) {
    }

    /** A coverage row and the service contract that granted it ({@code contractNo} LEGACY-… for rows typed before contracts). */
    public record CoverageRow(Long id, Long operatorId, String operatorName, String districtCode, String districtName,
                              Long projectId, LocalDate validFrom, LocalDate validTo, String note, boolean active,
                              Long contractId, String contractNo) {
    }

    public record EngagementRow(Long id, Long evaluatorId, String evaluatorName, String districtCode, String districtName,
                                Long projectId, LocalDate validFrom, LocalDate validTo, String note, boolean active) {
    }

    public record AccountRow(Long id, String username, String displayName, Long organisationId,
                             String organisationName, OrganisationType organisationType, Set<Role> roles,
                             Set<Duty> duties, boolean enabled, boolean mustChangePassword,
                             boolean awaitingActivation, String codeChannel, boolean machine) {
    }

    public record AccountFilter(String keyword, Long organisationId, Role role, Boolean enabled) {
    }

    /** Organisations are public bodies and companies, not personal data; system and government users list them. */
    public List<OrganisationRow> organisations(CurrentUser user) {
        if (!user.hasAny(Role.SYSTEM_ADMIN, Role.SECURITY_ADMIN, Role.GOV_ADMIN, Role.GOV_OFFICER)) {
            throw ProblemException.forbidden("FORBIDDEN", "您没有查看组织机构的权限。");
        }
        return jdbc.sql("""
                        select o.id, o.code, o.name, o.type, o.region_code, o.credit_code, o.active,
                               (select count(*) from app_user u where u.organisation_id = o.id) as accounts
                          from organisation o
                         order by case o.type when 'CITY_BUREAU' then 0 when 'DISTRICT_HOUSING' then 1
                                  when 'DISTRICT_FINANCE' then 2 when 'OPERATOR' then 3 else 4 end,
                                  o.region_code nulls last, o.code""")
                .query((rs, n) -> new OrganisationRow(rs.getLong("id"), rs.getString("code"), rs.getString("name"),
                        OrganisationType.valueOf(rs.getString("type")), rs.getString("region_code"),
                        districts.nameOf(rs.getString("region_code")), rs.getString("credit_code"),
                        rs.getBoolean("active"), rs.getLong("accounts")))
                .list();
    }

    /** Organisations' names by id (public bodies and companies, for any module's pages). */
    public Map<Long, String> organisationNames(Collection<Long> ids) {
        Map<Long, String> names = new HashMap<>();
        jdbc.sql("select id, name from organisation where id = any(?)").param(ids.toArray(Long[]::new))
                .query((rs, n) -> names.put(rs.getLong(1), rs.getString(2))).list();
        return names;
    }

    /** Whether the organisation exists and is an operator (承接主体). */
    public boolean isOperator(long organisationId) {
        return jdbc.sql("select count(*) from organisation where id = ? and type = ?")
                .params(organisationId, OrganisationType.OPERATOR.name()).query(Long.class).single() == 1;
    }

    public List<OrganisationRow> operators(CurrentUser user) {
        return organisations(user).stream().filter(o -> o.type() == OrganisationType.OPERATOR).toList();
    }

    /** Coverage rows the user may see: all for the city, the district's for district users, its own for an operator. */
    public List<CoverageRow> coverage(CurrentUser user) {
        // Operators see their own coverage rows only, not their competitors' in the same district.
        DataScope scope = scopes.of(user);
        ScopeFilter filter = scope instanceof DataScope.Operator op
                ? new ScopeFilter("c.operator_id = ?", List.of(op.operatorId()))
                : ScopeFilter.of(scope, ScopeFilter.Columns.district("c.district_code"));
        return periods("operator_coverage", "operator_id", "c.contract_id, c.contract_no", filter, CoverageRow::new);
    }

    /**
     * Engagement rows the user may see: all for the city, the district's for district users, its own for an evaluation
     * firm; nothing for operators (a firm's engagements are none of theirs) and everyone else.
     */
    public List<EngagementRow> engagements(CurrentUser user) {
        ScopeFilter filter = switch (scopes.of(user)) {
            case DataScope.Evaluator firm -> new ScopeFilter("c.evaluator_id = ?", List.of(firm.evaluatorId()));
            case DataScope.City city -> ScopeFilter.of(city, ScopeFilter.Columns.district("c.district_code"));
            case DataScope.District district -> ScopeFilter.of(district, ScopeFilter.Columns.district("c.district_code"));
            default -> new ScopeFilter("false", List.of());
        };
        return periods("evaluator_engagement", "evaluator_id", "null::bigint as contract_id, null as contract_no", filter,
                (id, org, name, district, districtName, project, from, to, note, active, contractId, contractNo) ->
                        new EngagementRow(id, org, name, district, districtName, project, from, to, note, active));
    }

    public List<OrganisationRow> evaluators(CurrentUser user) {
        return organisations(user).stream().filter(o -> o.type() == OrganisationType.EVALUATOR).toList();
    }

    /** A row of a register that places an organisation in a district or project for a period. */
    private interface PeriodRow<R> {
        R of(Long id, Long organisationId, String organisationName, String districtCode, String districtName,
             Long projectId, LocalDate validFrom, LocalDate validTo, String note, boolean active, Long contractId,
             String contractNo);
    }

    /** The rows of operator coverage or evaluator engagement (alias {@code c}) within the filter, active or not today. */
    private <R> List<R> periods(String table, String organisationColumn, String contractColumns, ScopeFilter filter,
                                PeriodRow<R> row) {
        LocalDate today = LocalDate.now(clock);
        return jdbc.sql("""
                        select c.id, c.%2$s as organisation_id, o.name as organisation_name, c.district_code, c.project_id,
                               c.valid_from, c.valid_to, c.note, %4$s
                          from %1$s c join organisation o on o.id = c.%2$s
                         where %3$s
                         order by c.district_code, o.name, c.valid_from desc, c.project_id nulls first"""
                        .formatted(table, organisationColumn, filter.sql(), contractColumns))
                .params(filter.params())
                .query((rs, n) -> {
                    LocalDate from = rs.getObject("valid_from", LocalDate.class);
                    LocalDate to = rs.getObject("valid_to", LocalDate.class);
                    return row.of(rs.getLong("id"), rs.getLong("organisation_id"), rs.getString("organisation_name"),
                            rs.getString("district_code"), districts.nameOf(rs.getString("district_code")),
                            (Long) rs.getObject("project_id"), from, to, rs.getString("note"),
                            Assignment.activeOn(from, to, today) && (to == null || !to.isBefore(from)),
                            (Long) rs.getObject("contract_id"), rs.getString("contract_no"));
                })
                .list();
    }

    /** The system administrator's account list (open, disable, reset) and the security administrator's (grant roles). */
    public PageResponse<AccountRow> accounts(CurrentUser user, AccountFilter filter, PageQuery page) {
        requireAccountAdministrator(user);
        StringBuilder where = new StringBuilder(" where true");
        List<Object> params = new ArrayList<>();
        if (filter.keyword() != null && !filter.keyword().isBlank()) {
            where.append(" and (u.username ilike ? or u.display_name ilike ?)");
            String like = "%" + filter.keyword().trim().replace("%", "\\%").replace("_", "\\_") + "%";
            params.add(like);
            params.add(like);
        }
        if (filter.organisationId() != null) {
            where.append(" and u.organisation_id = ?");
            params.add(filter.organisationId());
        }
        if (filter.role() != null) {
            where.append(" and exists (select 1 from user_role r where r.app_user = u.id and r.role = ?)");
            params.add(filter.role().name());
        }
        if (filter.enabled() != null) {
            where.append(" and u.enabled = ?");
            params.add(filter.enabled());
        }
        long total = jdbc.sql("select count(*) from app_user u" + where).params(params).query(Long.class).single();
        List<Object> pageParams = new ArrayList<>(params);
        pageParams.add(page.size());
        pageParams.add(page.offset());
        List<AccountRow> rows = jdbc.sql("""
                        select u.id, u.username, u.display_name, u.organisation_id, o.name as organisation_name,
                               o.type as organisation_type, u.enabled, u.must_change_password,
                               u.password_hash is null and not u.machine as awaiting_activation, u.machine,
                               case when u.contact_phone is not null then 'SMS' when u.contact_email is not null then 'EMAIL' end as code_channel,
                               array(select r.role from user_role r where r.app_user = u.id) as roles,
                               array(select d.duty from user_duty d where d.app_user = u.id) as duties
                          from app_user u join organisation o on o.id = u.organisation_id
                        %s
                         order by o.type, o.region_code nulls last, u.username
                         limit ? offset ?""".formatted(where))
                .params(pageParams)
                .query((rs, n) -> accountRow(rs))
                .list();
        return PageResponse.of(rows, page, total);
    }

    public AccountRow account(CurrentUser user, Long id) {
        requireAccountAdministrator(user);
        return jdbc.sql("""
                        select u.id, u.username, u.display_name, u.organisation_id, o.name as organisation_name,
                               o.type as organisation_type, u.enabled, u.must_change_password,
                               u.password_hash is null and not u.machine as awaiting_activation, u.machine,
                               case when u.contact_phone is not null then 'SMS' when u.contact_email is not null then 'EMAIL' end as code_channel,
                               array(select r.role from user_role r where r.app_user = u.id) as roles,
                               array(select d.duty from user_duty d where d.app_user = u.id) as duties
                          from app_user u join organisation o on o.id = u.organisation_id where u.id = ?""")
                .param(id)
                .query((rs, n) -> accountRow(rs))
                .optional()
                .orElseThrow(() -> ProblemException.notFound("ACCOUNT_NOT_FOUND", "账号不存在。"));
    }

    public record AccountStats(long total, long enabled, long disabled, long mustChangePassword) {
    }

    public AccountStats accountStats(CurrentUser user) {
        AccountAdministration.requireSystemAdmin(user);
        return jdbc.sql("""
                        select count(*) as total, count(*) filter (where enabled) as enabled,
                               count(*) filter (where not enabled) as disabled,
                               count(*) filter (where must_change_password) as must_change
                          from app_user""")
                .query((rs, n) -> new AccountStats(rs.getLong("total"), rs.getLong("enabled"),
                        rs.getLong("disabled"), rs.getLong("must_change")))
                .single();
    }

    private static AccountRow accountRow(ResultSet rs) throws SQLException {
        return new AccountRow(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"),
                rs.getLong("organisation_id"), rs.getString("organisation_name"),
                OrganisationType.valueOf(rs.getString("organisation_type")),
                enums(rs.getArray("roles"), Role.class), enums(rs.getArray("duties"), Duty.class),
                rs.getBoolean("enabled"), rs.getBoolean("must_change_password"), rs.getBoolean("awaiting_activation"),
                rs.getString("code_channel"), rs.getBoolean("machine"));
    }

    private static void requireAccountAdministrator(CurrentUser user) {
        if (user == null || !user.hasAny(Role.SYSTEM_ADMIN, Role.SECURITY_ADMIN)) {
            AccountAdministration.requireSystemAdmin(user);
        }
    }

    private static <E extends Enum<E>> Set<E> enums(Array array, Class<E> type) throws SQLException {
        Set<E> result = EnumSet.noneOf(type);
        if (array != null) {
            Arrays.stream((String[]) array.getArray()).forEach(s -> result.add(Enum.valueOf(type, s)));
        }
        return result;
    }
}
