package cn.anju.lease;

import cn.anju.housing.HousingStock;
import cn.anju.housing.UnitStatus;
import cn.anju.identity.CurrentUser;
import cn.anju.lease.LeaseRecords.Lease;
import cn.anju.shared.Money;
import cn.anju.shared.web.ProblemException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * Move-in (入住) and move-out (退房): the handover checklist (keys, meter readings, fixtures, photos), then the
 * unit's new state in the same transaction. Move-out adds the damages and the settlement statement.
 */
@NamedInterface("api")
@Service
public class Handovers {

    public enum Condition { GOOD, DAMAGED, MISSING }

    /** One line of the fixtures list: 入户门及门锁 GOOD, 水龙头 DAMAGED "滴水" … */
    public record Fixture(String item, Condition condition, String note) {
    }

    public record MoveIn(Integer keys, BigDecimal waterReading, BigDecimal electricityReading, BigDecimal gasReading,
                         List<Fixture> fixtures, List<Long> photoDocumentIds, boolean householdInfoConfirmed) {
    }

    public record MoveOut(Integer keysReturned, BigDecimal waterReading, BigDecimal electricityReading, BigDecimal gasReading,
                          List<Fixture> fixtures, List<Long> photoDocumentIds, String damages, BigDecimal damageAmount,
                          UnitStatus unitReturnedAs) {
    }

    /** The statement as printed at move-out; arrears and refund are null while the rent ledger cannot say. */
    public record Settlement(BigDecimal deposit, BigDecimal damages, BigDecimal arrears, boolean arrearsKnown,
                             BigDecimal refund, String source) {
    }

    private final JdbcClient jdbc;
    private final LeaseRecords records;
    private final HousingStock housing;
    private final ResidentDocuments documents;
    private final ObjectProvider<RentAccounts> rentAccounts;
    private final JsonMapper json;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Handovers(JdbcClient jdbc, LeaseRecords records, HousingStock housing, ResidentDocuments documents,
              ObjectProvider<RentAccounts> rentAccounts, JsonMapper json, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.records = records;
        this.housing = housing;
        this.documents = documents;
        this.rentAccounts = rentAccounts;
        this.json = json;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public void moveIn(CurrentUser actor, long leaseId, MoveIn m) {
        Lease l = records.load(actor, leaseId);
        if (l.isRenewal()) {
            throw ProblemException.conflict("RENEWAL_NO_MOVE_IN", "续签合同在原合同期满时自动生效，无需办理入住。");
        }
        if (m == null || m.keys() == null || m.keys() < 1) {
            throw ProblemException.badRequest("HANDOVER_KEYS_REQUIRED", "请填写交付的钥匙数量（至少1把）。");
        }
        checkReadings(m.waterReading(), m.electricityReading(), m.gasReading());
        checkFixturesAndPhotos(l, m.fixtures(), m.photoDocumentIds());
        if (!m.householdInfoConfirmed()) {
            throw ProblemException.badRequest("HOUSEHOLD_INFO_UNCONFIRMED", "请先与承租人核对家庭成员、联系方式和身份证件信息，并勾选“已核对”。");
        }
        records.apply(actor.id(), l, l.activate(), "MOVED_IN", "办理入住", "");
        housing.moveForLease(l.unit(), UnitStatus.RESERVED, UnitStatus.OCCUPIED, actor.id(), "入住：租赁合同 " + l.number());
        insert(l, "MOVE_IN", m.keys(), m.waterReading(), m.electricityReading(), m.gasReading(), m.fixtures(),
                m.photoDocumentIds(), "", BigDecimal.ZERO, null, actor.id());
    }

    @Transactional
    public Settlement moveOut(CurrentUser actor, long leaseId, MoveOut m) {
        Lease l = records.load(actor, leaseId);
        if (!LeaseStatus.ENDED.contains(l.status()) || l.movedOutOn() != null) {
            throw ProblemException.conflict("MOVE_OUT_NOT_DUE", "只有已到期或已终止、尚未退房的合同可以办理退房；履行中的合同请先终止。");
        }
        if (!wasMovedInto(l)) {
            throw ProblemException.conflict("MOVE_OUT_NOT_DUE", "该合同未办理过入住，无需退房。");
        }
        if (m == null || m.keysReturned() == null || m.keysReturned() < 0) {
            throw ProblemException.badRequest("HANDOVER_KEYS_REQUIRED", "请填写交回的钥匙数量。");
        }
        checkReadings(m.waterReading(), m.electricityReading(), m.gasReading());
        checkNotBelowMoveIn(l, m);
        checkFixturesAndPhotos(l, m.fixtures(), m.photoDocumentIds());
        BigDecimal damageAmount = m.damageAmount() == null ? BigDecimal.ZERO : m.damageAmount();
        if (!Money.isAmount(damageAmount, Money.Sign.NOT_NEGATIVE)) {
            throw ProblemException.badRequest("DAMAGE_AMOUNT_INVALID", "损坏赔偿金额应为不小于0的金额（元，最多两位小数）。");
        }
        if (damageAmount.signum() > 0 && (m.damages() == null || m.damages().isBlank())) {
            throw ProblemException.badRequest("DAMAGES_REQUIRED", "有损坏赔偿金额时，请写明损坏情况。");
        }
        if (m.unitReturnedAs() != UnitStatus.VACANT && m.unitReturnedAs() != UnitStatus.UNDER_REPAIR) {
            throw ProblemException.badRequest("UNIT_RETURN_STATE", "请选择房源收回后的状态：空置（可再分配）或维修中。");
        }
        // the unit and the lease change together: the lease's own versioned row guards against a double move-out
        LocalDate today = LocalDate.now(clock);
        int changed = jdbc.sql("update lease set moved_out_on = ?, version = version + 1 where id = ? and version = ? and moved_out_on is null")
                .params(Date.valueOf(today), l.id(), l.version()).update();
        if (changed == 0) {
            throw ProblemException.conflict("CONCURRENT_CHANGE", "合同刚被他人修改，请刷新后重试。");
        }
        housing.moveForLease(l.unit(), UnitStatus.OCCUPIED, m.unitReturnedAs(), actor.id(), "退房：租赁合同 " + l.number());
        insert(l, "MOVE_OUT", m.keysReturned(), m.waterReading(), m.electricityReading(), m.gasReading(), m.fixtures(),
                m.photoDocumentIds(), m.damages() == null ? "" : m.damages().trim(), damageAmount, m.unitReturnedAs(), actor.id());
        Settlement s = settle(l, damageAmount);
        jdbc.sql("""
                        insert into lease_settlement (lease_id, deposit, damages, arrears, arrears_known, refund, source, at)
                        values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(l.id(), s.deposit(), s.damages(), s.arrears(), s.arrearsKnown(), s.refund(), s.source(),
                        Timestamp.from(clock.instant()))
                .update();
        records.event(l, "MOVED_OUT", "办理退房", s.arrearsKnown()
                ? "退还押金 " + s.refund() + " 元" : "欠费与押金待租金模块核定", actor.id());
        // stored with this transaction, delivered to other modules after it commits (a RECLAIM case becomes VACATED)
        events.publishEvent(new LeaseMovedOut(l.id(), l.number(), l.household(), l.unit(), today, actor.id()));
        return s;
    }

    /** Deposit less damages less arrears; with no rent ledger the arrears (and so the refund) stay unknown. */
    Settlement settle(Lease l, BigDecimal damages) {
        RentAccounts accounts = rentAccounts.getIfAvailable();
        var figures = accounts == null ? Optional.<RentAccounts.Figures>empty() : accounts.settlementFigures(l.id());
        if (figures.isEmpty()) {
            return new Settlement(l.deposit(), damages, null, false, null, "租金模块尚未核定：合同约定押金，欠费待核定");
        }
        RentAccounts.Figures f = figures.get();
        return new Settlement(f.depositHeld(), damages, f.arrears(), true,
                f.depositHeld().subtract(damages).subtract(f.arrears()), f.source());
    }

    public Optional<Settlement> settlement(long leaseId) {
        return jdbc.sql("select deposit, damages, arrears, arrears_known, refund, source from lease_settlement where lease_id = ?")
                .param(leaseId)
                .query((rs, n) -> new Settlement(rs.getBigDecimal(1), rs.getBigDecimal(2), rs.getBigDecimal(3), rs.getBoolean(4),
                        rs.getBigDecimal(5), rs.getString(6)))
                .optional();
    }

    public record Handover(String kind, int keys, BigDecimal waterReading, BigDecimal electricityReading, BigDecimal gasReading,
                           String fixtures, int photos, String damages, BigDecimal damageAmount, String unitReturnedAs,
                           OffsetDateTime at) {
    }

    public List<Handover> handovers(long leaseId) {
        return jdbc.sql("""
                        select kind, keys, water_reading, electricity_reading, gas_reading, fixtures::text,
                               cardinality(photo_document_ids), damages, damage_amount, unit_returned_as, at
                          from lease_handover where lease_id = ? order by at""")
                .param(leaseId)
                .query((rs, n) -> new Handover(rs.getString(1), rs.getInt(2), rs.getBigDecimal(3), rs.getBigDecimal(4),
                        rs.getBigDecimal(5), fixturesText(rs.getString(6)), rs.getInt(7), rs.getString(8), rs.getBigDecimal(9),
                        rs.getString(10), rs.getObject(11, OffsetDateTime.class)))
                .list();
    }

    /** "入户门及门锁：完好；水龙头：损坏（滴水）" for the page. */
    private String fixturesText(String stored) {
        List<Fixture> fixtures = List.of(json.readValue(stored, Fixture[].class));
        return String.join("；", fixtures.stream().map(f -> f.item() + "：" + switch (f.condition()) {
            case GOOD -> "完好";
            case DAMAGED -> "损坏";
            case MISSING -> "缺失";
        } + (f.note() == null || f.note().isBlank() ? "" : "（" + f.note() + "）")).toList());
    }

    /** The lease and the leases it renews, back to the first: a renewal's household moved in under the first one. */
    private static final String CHAIN = """
            with recursive chain(id, renews) as (select id, renews_lease_id from lease where id = ?
                      union all select l.id, l.renews_lease_id from lease l join chain c on l.id = c.renews)
            """;

    private boolean wasMovedInto(Lease l) {
        return jdbc.sql(CHAIN + "select count(*) from lease_event e join chain c on c.id = e.lease_id where e.kind = 'MOVED_IN'")
                .param(l.id()).query(Long.class).single() > 0;
    }

    private void checkNotBelowMoveIn(Lease l, MoveOut m) {
        record Readings(BigDecimal water, BigDecimal electricity) {
        }
        jdbc.sql(CHAIN + "select h.water_reading, h.electricity_reading from lease_handover h join chain c on c.id = h.lease_id where h.kind = 'MOVE_IN'")
                .param(l.id()).query((rs, n) -> new Readings(rs.getBigDecimal(1), rs.getBigDecimal(2))).optional()
                .ifPresent(in -> {
                    if (m.waterReading().compareTo(in.water()) < 0 || m.electricityReading().compareTo(in.electricity()) < 0) {
                        throw ProblemException.badRequest("READING_BELOW_MOVE_IN", "退房读数不能小于入住时的读数（水 "
                                + in.water() + "，电 " + in.electricity() + "），请核对表计。");
                    }
                });
    }

    private static void checkReadings(BigDecimal water, BigDecimal electricity, BigDecimal gas) {
        if (water == null || electricity == null || water.signum() < 0 || electricity.signum() < 0 || gas != null && gas.signum() < 0) {
            throw ProblemException.badRequest("METER_READINGS_REQUIRED", "请填写水表、电表读数（不小于0；有燃气表的一并填写）。");
        }
    }

    private void checkFixturesAndPhotos(Lease l, List<Fixture> fixtures, List<Long> photos) {
        if (fixtures == null || fixtures.isEmpty() || fixtures.stream().anyMatch(f -> f == null || f.item() == null
                || f.item().isBlank() || f.condition() == null)) {
            throw ProblemException.badRequest("FIXTURES_REQUIRED", "请逐项填写设施清单（项目和状况：完好、损坏或缺失）。");
        }
        if (photos != null && !documents.allBelongTo(l.household(), photos)) {
            throw ProblemException.badRequest("PHOTO_NOT_IN_FILE", "所选照片不是该户档案中的材料，请先上传到住户档案。");
        }
    }

    private void insert(Lease l, String kind, int keys, BigDecimal water, BigDecimal electricity, BigDecimal gas,
                        List<Fixture> fixtures, List<Long> photos, String damages, BigDecimal damageAmount,
                        UnitStatus returnedAs, long actor) {
        jdbc.sql("""
                        insert into lease_handover (lease_id, kind, keys, water_reading, electricity_reading, gas_reading, fixtures,
                               photo_document_ids, damages, damage_amount, unit_returned_as, actor, at)
                        values (?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?)""")
                .params(l.id(), kind, keys, water, electricity, gas, json.writeValueAsString(fixtures),
                        (photos == null ? List.<Long>of() : photos).toArray(Long[]::new), damages, damageAmount,
                        returnedAs == null ? null : returnedAs.name(), actor, Timestamp.from(clock.instant()))
                .update();
    }
}
