package cn.anju.lease;

import cn.anju.household.Eligibility;
import cn.anju.household.HouseholdQueries;
import cn.anju.housing.HousingStock;
import cn.anju.housing.UnitStatus;
import cn.anju.identity.CurrentUser;
import cn.anju.lease.LeaseRecords.Lease;
import cn.anju.shared.Money;
import cn.anju.shared.web.ProblemException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Amendment (变更) of a signed or active lease, each a numbered version that keeps what the lease was and what it
 * became: the members living in the unit, a unit exchange (调换: the lease moves to another unit and both units
 * change state in the same transaction), or the rent tier, which always comes from the eligibility decision in force.
 */
@NamedInterface("api")
@Service
public class Amendments {

    public enum Kind { MEMBERS, UNIT_EXCHANGE, RENT_TIER }

    public record Amendment(Kind kind, Long toUnitId, BigDecimal monthlyRent, String reason) {
    }

    public record Version(int versionNo, Kind kind, String before, String after, String reason, String actor,
                          OffsetDateTime at) {
    }

    private final JdbcClient jdbc;
    private final LeaseRecords records;
    private final HousingStock housing;
    private final Eligibility eligibility;
    private final HouseholdQueries households;
    private final JsonMapper json;
    private final Clock clock;
    private final LeaseRent rent;

    Amendments(JdbcClient jdbc, LeaseRecords records, HousingStock housing, Eligibility eligibility,
               HouseholdQueries households, JsonMapper json, Clock clock, LeaseRent rent) {
        this.rent = rent;
        this.jdbc = jdbc;
        this.records = records;
        this.housing = housing;
        this.eligibility = eligibility;
        this.households = households;
        this.json = json;
        this.clock = clock;
    }

    @Transactional
    public int amend(CurrentUser actor, long leaseId, Amendment a) {
        Lease l = records.load(actor, leaseId);
        if (l.status() != LeaseStatus.ACTIVE && l.status() != LeaseStatus.SIGNED) {
            throw ProblemException.conflict("LEASE_NOT_AMENDABLE", "只有已签约或履行中的合同可以变更。");
        }
        if (a == null || a.kind() == null) {
            throw ProblemException.badRequest("AMENDMENT_KIND_REQUIRED", "请选择变更类型：家庭成员、调换房源或租金档次。");
        }
        if (a.reason() == null || a.reason().isBlank()) {
            throw ProblemException.badRequest("REASON_REQUIRED", "请填写变更原因。");
        }
        if (a.monthlyRent() != null && !Money.isAmount(a.monthlyRent(), Money.Sign.NOT_NEGATIVE)) {
            throw ProblemException.badRequest("LEASE_TERMS_REQUIRED", "月租金应为不小于0的金额（元，最多两位小数）。");
        }
        Map<String, Object> before = new LinkedHashMap<>();
        Map<String, Object> after = new LinkedHashMap<>();
        String title = switch (a.kind()) {
            case MEMBERS -> {
                Integer was = jdbc.sql("select member_count from lease where id = ?").param(l.id()).query(Integer.class).optional().orElse(null);
                int now = households.head(l.household()).members();
                before.put("members", was);
                after.put("members", now);
                jdbc.sql("update lease set member_count = ? where id = ?").params(now, l.id()).update();
                yield "变更家庭成员（" + (was == null ? "未登记" : was + "人") + " → " + now + "人）";
            }
            case UNIT_EXCHANGE -> {
                exchange(actor, l, a.toUnitId(), before, after);
                yield "调换房源";
            }
            case RENT_TIER -> {
                Eligibility.InForce decision = eligibility.inForce(l.household(), LocalDate.now(clock))
                        .orElseThrow(() -> ProblemException.unprocessable("ELIGIBILITY_NOT_IN_FORCE", "该家庭没有有效的保障资格，不能按资格变更租金档次。"));
                before.put("rentTier", l.rentTier());
                after.put("rentTier", decision.rentTier().name());
                jdbc.sql("update lease set rent_tier = ?, eligibility_decision_id = ? where id = ?")
                        .params(decision.rentTier().name(), decision.decisionId(), l.id()).update();
                yield "按资格认定变更租金档次";
            }
        };
        // a new unit or tier: the rent is the standard's for the lease as it now stands; members alone leave it as it was
        BigDecimal rent = a.kind() == Kind.MEMBERS ? (a.monthlyRent() == null ? l.monthlyRent() : a.monthlyRent())
                : jdbc.sql("select project_id, rent_area, rent_tier from lease where id = ?").param(l.id())
                        .query((rs, n) -> this.rent.settle(a.monthlyRent(), rs.getLong(1), rs.getBigDecimal(2), rs.getString(3),
                                LocalDate.now(clock))).single();
        if (rent.compareTo(l.monthlyRent()) != 0) {
            before.put("monthlyRent", l.monthlyRent());
            after.put("monthlyRent", rent);
        }
        if (before.equals(after)) {
            throw ProblemException.unprocessable("AMENDMENT_NO_CHANGE", "变更前后没有差别：家庭成员请先经住房保障部门核准，租金档次以有效的资格认定为准。");
        }
        int version = l.amendmentNo() + 1;
        int changed = jdbc.sql("update lease set monthly_rent = ?, amendment_no = ?, version = version + 1 where id = ? and version = ?")
                .params(rent, version, l.id(), l.version()).update();
        if (changed == 0) {
            throw ProblemException.conflict("CONCURRENT_CHANGE", "合同刚被他人修改，请刷新后重试。");
        }
        jdbc.sql("""
                        insert into lease_amendment (lease_id, version_no, kind, before, after, reason, actor, at)
                        values (?, ?, ?, ?::jsonb, ?::jsonb, ?, ?, ?)""")
                .params(l.id(), version, a.kind().name(), json.writeValueAsString(before), json.writeValueAsString(after),
                        a.reason().trim(), actor.id(), Timestamp.from(clock.instant()))
                .update();
        records.event(l, "AMENDED", title + "（第" + version + "版）", a.reason().trim(), actor.id());
        return version;
    }

    /** The old unit is given back and the new one taken in this transaction; a unit someone else took fails it all. */
    private void exchange(CurrentUser actor, Lease l, Long toUnitId, Map<String, Object> before, Map<String, Object> after) {
        if (toUnitId == null || toUnitId == l.unit()) {
            throw ProblemException.badRequest("EXCHANGE_UNIT_REQUIRED", "请选择要调换到的另一套房源。");
        }
        HousingStock.UnitState target = housing.unit(toUnitId)
                .orElseThrow(() -> ProblemException.badRequest("EXCHANGE_UNIT_REQUIRED", "要调换到的房源不存在。"));
        records.requireInScope(actor, target.districtCode(), target.projectId());
        if (!target.districtCode().equals(l.district())) {
            throw ProblemException.unprocessable("EXCHANGE_OTHER_DISTRICT", "只能在本区县的公租房之间调换。");
        }
        if (target.status() != UnitStatus.VACANT) {
            throw ProblemException.conflict("UNIT_NOT_VACANT", "要调换到的房源不是空置状态。");
        }
        String reason = "调换：租赁合同 " + l.number();
        housing.moveForLease(toUnitId, UnitStatus.VACANT, UnitStatus.RESERVED, actor.id(), reason);
        if (l.status() == LeaseStatus.ACTIVE) {
            housing.moveForLease(toUnitId, UnitStatus.RESERVED, UnitStatus.OCCUPIED, actor.id(), reason);
            housing.moveForLease(l.unit(), UnitStatus.OCCUPIED, UnitStatus.VACANT, actor.id(), reason);
        } else {
            housing.moveForLease(l.unit(), UnitStatus.RESERVED, UnitStatus.VACANT, actor.id(), reason);
        }
        Map<Long, HousingStock.UnitDescription> units = housing.describeAll(List.of(l.unit(), toUnitId));
        jdbc.sql("update lease set unit_id = ?, project_id = ?, rent_area = ? where id = ?")
                .params(toUnitId, target.projectId(), units.get(toUnitId).rentArea(), l.id()).update();
        before.put("unit", units.get(l.unit()).label());
        after.put("unit", units.get(toUnitId).label());
        before.put("rentArea", units.get(l.unit()).rentArea());
        after.put("rentArea", units.get(toUnitId).rentArea());
    }

    public List<Version> versions(long leaseId) {
        return jdbc.sql("""
                        select a.version_no, a.kind, a.before::text, a.after::text, a.reason, u.display_name, a.at
                          from lease_amendment a join staff_name u on u.user_id = a.actor where a.lease_id = ? order by a.version_no""")
                .param(leaseId)
                .query((rs, n) -> new Version(rs.getInt(1), Kind.valueOf(rs.getString(2)), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getObject(7, OffsetDateTime.class)))
                .list();
    }
}
