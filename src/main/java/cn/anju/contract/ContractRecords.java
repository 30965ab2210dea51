package cn.anju.contract;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads and writes the module's procurement and contract rows; state changes go through {@code StateChanges}. */
@Repository
class ContractRecords {

    private static final TypeReference<Map<String, Long>> RATES = new TypeReference<>() {
    };
    private static final TypeReference<List<FixedDeduction>> DEDUCTIONS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json = JsonMapper.builder().build();

    ContractRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record NewProcurement(String districtCode, int year, String title, String purchasingUnit, List<ServiceItem> items,
                          ProcurementMethod method, String singleSourceReason, Long proposedFen, List<String> bidders) {
    }

    long insert(NewProcurement p, long by, Instant at) {
        return jdbc.sql("""
                        insert into procurement (district_code, year, title, purchasing_unit, service_items, method,
                                                 single_source_reason, proposed_fen, bidders, created_by, created_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(p.districtCode(), p.year(), p.title(), p.purchasingUnit(), names(p.items()), p.method().name(),
                        p.singleSourceReason(), p.proposedFen(), p.bidders().toArray(String[]::new), by, Timestamp.from(at))
                .query(Long.class).single();
    }

    void bidders(long procurementId, List<String> bidders) {
        jdbc.sql("update procurement set bidders = ? where id = ?").params(bidders.toArray(String[]::new), procurementId).update();
    }

    Optional<Procurement> procurement(long id) {
        return jdbc.sql("select * from procurement where id = ?").param(id).query(ContractRecords::procurement).optional()
                .map(this::withBudgets);
    }

    List<Procurement> procurementsIn(Collection<String> districts) {
        return jdbc.sql("select * from procurement where district_code = any(?) order by year desc, district_code, id desc")
                .param(districts.toArray(String[]::new)).query(ContractRecords::procurement).list()
                .stream().map(this::withBudgets).toList();
    }

    /** Every procurement announced, in any district, oldest first. */
    List<Procurement> procurementsAnnounced() {
        return jdbc.sql("select * from procurement where announced_on is not null order by announced_on, id")
                .query(ContractRecords::procurement).list().stream().map(this::withBudgets).toList();
    }

    private Procurement withBudgets(Procurement p) {
        List<Procurement.Budget> budgets = jdbc.sql("""
                        select year, amount_fen, approval_no, approved_by, approved_on, file, file_sha256 from procurement_budget
                         where procurement_id = ? order by year""").param(p.id())
                .query((rs, n) -> new Procurement.Budget(rs.getInt(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        rs.getObject(5, LocalDate.class), StoredPdf.of(rs.getString(6), rs.getString(7)))).list();
        return new Procurement(p.id(), p.districtCode(), p.year(), p.title(), p.purchasingUnit(), p.serviceItems(), p.method(),
                p.singleSourceReason(), p.proposedFen(), p.status(), budgets, p.announcedOn(), p.announcement(), p.awardedOn(),
                p.award(), p.bidders(), p.winnerId(), p.createdBy(), p.version());
    }

    void insertBudget(long procurementId, Procurement.Budget b, long by, Instant at) {
        jdbc.sql("""
                        insert into procurement_budget (procurement_id, year, amount_fen, approval_no, approved_by, approved_on, file,
                                                        file_sha256, recorded_by, recorded_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(procurementId, b.year(), b.amountFen(), b.approvalNo().strip(), b.approvedBy().strip(), b.approvedOn(),
                        b.file() == null ? null : b.file().key(), b.file() == null ? null : b.file().sha256(), by, Timestamp.from(at))
                .update();
    }

    long insert(ServiceContract c, List<Long> projects, Instant at) {
        long id = jdbc.sql("""
                        insert into service_contract (contract_no, district_code, operator_id, procurement_id, title, starts_on,
                               ends_on, all_projects, service_items, fee_kind, fee_rates, lump_sum_fen, payment_cycle,
                               holdback_percent, payment_rule, fixed_deductions, targets_ref, wind_down_days, created_by, created_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?::jsonb, ?::jsonb, ?, ?, ?, ?) returning id""")
                .params(c.contractNo(), c.districtCode(), c.operatorId(), c.procurementId(), c.title(), c.startsOn(), c.endsOn(),
                        c.allProjects(), names(c.serviceItems()), c.fees().kind().name(), json.writeValueAsString(c.fees().ratesFen()),
                        c.fees().lumpSumFen(), c.fees().cycle().name(), c.holdbackPercent(), json.writeValueAsString(c.paymentRule()),
                        json.writeValueAsString(c.deductions()), c.targetsRef(), c.windDownDays(), c.createdBy(), Timestamp.from(at))
                .query(Long.class).single();
        projects.forEach(p -> addProject(id, p, c.startsOn()));
        return id;
    }

    boolean hasContract(long procurementId) {
        return jdbc.sql("select exists (select 1 from service_contract where procurement_id = ?)").param(procurementId)
                .query(Boolean.class).single();
    }

    void addProject(long contractId, long projectId, LocalDate from) {
        jdbc.sql("insert into service_contract_project (contract_id, project_id, from_on) values (?, ?, ?)")
                .params(contractId, projectId, from).update();
    }

    void dropProject(long contractId, long projectId, LocalDate lastDay) {
        jdbc.sql("update service_contract_project set to_on = ? where contract_id = ? and project_id = ? and to_on is null")
                .params(lastDay, contractId, projectId).update();
    }

    Optional<ServiceContract> contract(long id) {
        return jdbc.sql("select * from service_contract where id = ?").param(id).query(this::mapContract).optional();
    }

    /** Locks the contract's row for a change that writes coverage, so two amendments or an end never interleave. */
    Optional<ServiceContract> contractLocked(long id) {
        return jdbc.sql("select * from service_contract where id = ? for update").param(id).query(this::mapContract).optional();
    }

    List<ServiceContract> contractsWhere(Collection<String> districts, Long operatorId) {
        return jdbc.sql("""
                        select * from service_contract where district_code = any(?) and (?::bigint is null or operator_id = ?)
                         order by district_code, starts_on desc, id desc""")
                .params(districts.toArray(String[]::new), operatorId, operatorId).query(this::mapContract).list();
    }

    List<ServiceContract> contractsOf(long operatorId) {
        return jdbc.sql("select * from service_contract where operator_id = ? order by starts_on desc, id desc")
                .param(operatorId).query(this::mapContract).list();
    }

    /** Signed and in-force contracts whose days call for the next state (the daily job). */
    /** Every contract past its draft, oldest first. */
    List<ServiceContract> signed() {
        return jdbc.sql("select * from service_contract where status <> ? order by id")
                .param(ContractStatus.DRAFT.name()).query(this::mapContract).list();
    }

    List<ServiceContract> open() {
        return jdbc.sql("select * from service_contract where status = any(?) order by id")
                .param(new String[]{ContractStatus.SIGNED.name(), ContractStatus.IN_FORCE.name()}).query(this::mapContract).list();
    }

    List<CoveredProject> projects(long contractId) {
        return jdbc.sql("select project_id, from_on, to_on from service_contract_project where contract_id = ? order by from_on, project_id")
                .param(contractId).query((rs, n) -> new CoveredProject(rs.getLong(1), rs.getObject(2, LocalDate.class),
                        rs.getObject(3, LocalDate.class))).list();
    }

    boolean askTermination(ServiceContract c, LocalDate lastDay, String reason, long by, Instant at) {
        return jdbc.sql("""
                        update service_contract set termination_on = ?, termination_reason = ?, termination_asked_by = ?,
                               termination_asked_at = ?, version = version + 1
                         where id = ? and version = ?""")
                .params(lastDay, reason, by, Timestamp.from(at), c.id(), c.version()).update() == 1;
    }

    boolean clearTermination(ServiceContract c) {
        return jdbc.sql("""
                        update service_contract set termination_on = null, termination_reason = null, termination_asked_by = null,
                               termination_asked_at = null, version = version + 1
                         where id = ? and version = ?""")
                .params(c.id(), c.version()).update() == 1;
    }

    /** Discards a draft that was never signed: its project rows and itself (nothing else refers to a draft). */
    boolean deleteDraft(ServiceContract c) {
        jdbc.sql("delete from service_contract_project where contract_id = ?").param(c.id()).update();
        return jdbc.sql("delete from service_contract where id = ? and version = ? and status = ?")
                .params(c.id(), c.version(), ContractStatus.DRAFT.name()).update() == 1;
    }

    void changeEnd(long contractId, LocalDate endsOn) {
        jdbc.sql("update service_contract set ends_on = ? where id = ?").params(endsOn, contractId).update();
    }

    /** Raises the version once for a change made under the row's lock (an amendment), so forms that saw the old one are refused. */
    void touch(long contractId) {
        jdbc.sql("update service_contract set version = version + 1 where id = ?").param(contractId).update();
    }

    /** A terminated contract's projects end with it. */
    void endProjects(long contractId, LocalDate lastDay) {
        jdbc.sql("update service_contract_project set to_on = least(coalesce(to_on, ?), ?) where contract_id = ?")
                .params(lastDay, lastDay, contractId).update();
    }

    private ServiceContract mapContract(ResultSet rs, int n) throws SQLException {
        FeeTerms fees = new FeeTerms(FeeTerms.Kind.valueOf(rs.getString("fee_kind")), json.readValue(rs.getString("fee_rates"), RATES),
                (Long) rs.getObject("lump_sum_fen"), FeeTerms.Cycle.valueOf(rs.getString("payment_cycle")));
        var termination = rs.getObject("termination_on") == null ? null : new ServiceContract.Termination(
                rs.getObject("termination_on", LocalDate.class), rs.getString("termination_reason"),
                (Long) rs.getObject("termination_asked_by"), (Long) rs.getObject("termination_decided_by"));
        return new ServiceContract(rs.getLong("id"), rs.getString("contract_no"), rs.getString("district_code"),
                rs.getLong("operator_id"), (Long) rs.getObject("procurement_id"), rs.getBoolean("legacy"), rs.getString("title"),
                rs.getObject("starts_on", LocalDate.class), rs.getObject("ends_on", LocalDate.class), rs.getBoolean("all_projects"),
                items(rs), fees, rs.getBigDecimal("holdback_percent"),
                json.readValue(rs.getString("payment_rule"), PaymentRule.class),
                json.readValue(rs.getString("fixed_deductions"), DEDUCTIONS), rs.getString("targets_ref"), rs.getInt("wind_down_days"),
                ContractStatus.valueOf(rs.getString("status")), StoredPdf.of(rs.getString("signed_file"), rs.getString("signed_sha256")),
                rs.getObject("signed_on", LocalDate.class), termination, rs.getLong("created_by"), rs.getInt("version"));
    }

    private static Procurement procurement(ResultSet rs, int n) throws SQLException {
        return new Procurement(rs.getLong("id"), rs.getString("district_code"), rs.getInt("year"), rs.getString("title"),
                rs.getString("purchasing_unit"), items(rs), ProcurementMethod.valueOf(rs.getString("method")),
                rs.getString("single_source_reason"), (Long) rs.getObject("proposed_fen"),
                ProcurementStatus.valueOf(rs.getString("status")), List.of(), rs.getObject("announced_on", LocalDate.class),
                StoredPdf.of(rs.getString("announcement_file"), rs.getString("announcement_sha256")),
                rs.getObject("awarded_on", LocalDate.class), StoredPdf.of(rs.getString("award_file"), rs.getString("award_sha256")),
                List.of((String[]) rs.getArray("bidders").getArray()), (Long) rs.getObject("winner_id"), rs.getLong("created_by"),
                rs.getInt("version"));
    }

    private static List<ServiceItem> items(ResultSet rs) throws SQLException {
        return Arrays.stream((String[]) rs.getArray("service_items").getArray()).map(ServiceItem::valueOf).toList();
    }

    private static String[] names(List<ServiceItem> items) {
        return items.stream().map(Enum::name).toArray(String[]::new);
    }
}
