package cn.anju.contract;

import cn.anju.audit.AuditLog;
import cn.anju.audit.AuditOutcome;
import cn.anju.identity.CurrentUser;
import cn.anju.shared.state.Column;
import cn.anju.shared.state.StateChanges;
import cn.anju.shared.state.StateTable;
import cn.anju.shared.web.ProblemException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * 移交: after a contract ends, the district lists what it leaves open (from every {@link HandoverSource}) and names the
 * receiver, the successor contract's operator or, without one, the district; the outgoing operator's manager and the
 * receiver (another operator's manager, else the district's officer: two people, never one twice) confirm, and then what a
 * module assigns to an operator moves.
 */
@NamedInterface("actions")
@Service
public class ContractHandovers {

    static final StateTable<HandoverStatus> TABLE = StateTable.of("contract_handover", "status", HandoverStatus.class, "移交记录");
    private static final Column<Long> OUTGOING_BY = Column.of("outgoing_by", Long.class);
    private static final Column<Instant> OUTGOING_AT = Column.of("outgoing_at", Instant.class);
    private static final Column<Long> INCOMING_BY = Column.of("incoming_by", Long.class);
    private static final Column<Instant> INCOMING_AT = Column.of("incoming_at", Instant.class);
    private static final TypeReference<List<HandoverSource.Line>> LINES = new TypeReference<>() {
    };

    private final ContractRecords records;
    private final ContractScope scope;
    private final List<HandoverSource> sources;
    private final StateChanges changes;
    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder().build();

    ContractHandovers(ContractRecords records, ContractScope scope, List<HandoverSource> sources, StateChanges changes, JdbcClient jdbc,
                      AuditLog audit, Clock clock) {
        this.records = records;
        this.scope = scope;
        this.sources = sources;
        this.changes = changes;
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    public record Handover(long id, long contractId, Long successorContractId, Long receiverOperatorId, List<HandoverSource.Line> items,
                           HandoverStatus status, String statusLabel, Long outgoingBy, Long incomingBy, int version) {
    }

    @Transactional
    public Handover prepare(CurrentUser user, long contractId, Long successorId) {
        ServiceContract c = contract(user, contractId);
        scope.requirePreparer(user, c.districtCode());
        if (!c.status().closed() || !c.lastDay().isBefore(LocalDate.now(clock))) {
            throw ProblemException.conflict("HANDOVER_BEFORE_END", "合同最后履行日之后才能办理移交（当前：" + c.status().label() + "）。");
        }
        ServiceContract successor = successorId == null ? successorOf(c).orElse(null)
                : records.contract(successorId).filter(s -> takesOver(s, c))
                .orElseThrow(() -> ProblemException.badRequest("SUCCESSOR_INVALID", "接续合同须为本区县已签订或履行中、覆盖原合同全部项目的另一份合同。"));
        List<HandoverSource.Line> items = sources.stream().flatMap(s -> s.open(place(c)).stream()).toList();
        try {
            long id = jdbc.sql("""
                            insert into contract_handover (contract_id, successor_contract_id, receiver_operator_id, items, prepared_by, prepared_at)
                            values (?, ?, ?, ?::jsonb, ?, ?) returning id""")
                    .params(c.id(), successor == null ? null : successor.id(), successor == null ? null : successor.operatorId(),
                            json.writeValueAsString(items), user.id(), Timestamp.from(clock.instant()))
                    .query(Long.class).single();
            audit.record(ContractAudit.HANDOVER_PREPARE, "contract_handover", id, AuditOutcome.SUCCESS,
                    Map.of("contractId", c.id(), "successor", successor == null ? "district" : successor.id()));
        } catch (DuplicateKeyException e) {
            throw ProblemException.conflict("HANDOVER_EXISTS", "该合同的移交记录已建立。");
        }
        return of(user, contractId).orElseThrow();
    }

    /** The contract of the district that takes over: one that covers all the ended one did, starting nearest the day after. */
    private Optional<ServiceContract> successorOf(ServiceContract c) {
        return successors(c).stream().findFirst();
    }

    /** The contracts that could take over from the ended one, nearest the day after its last first (the page's choice). */
    public List<ServiceContract> successors(ServiceContract c) {
        LocalDate next = c.lastDay().plusDays(1);
        return records.contractsWhere(Set.of(c.districtCode()), null).stream().filter(s -> takesOver(s, c))
                .sorted(Comparator.comparingLong(s -> Math.abs(s.startsOn().toEpochDay() - next.toEpochDay()))).toList();
    }

    /** Another signed or in-force contract of the district covering every project the ended one covered. */
    private boolean takesOver(ServiceContract s, ServiceContract c) {
        if (s.id() == c.id() || !s.districtCode().equals(c.districtCode())
                || s.status() != ContractStatus.SIGNED && s.status() != ContractStatus.IN_FORCE) {
            return false;
        }
        if (s.allProjects()) {
            return true;
        }
        Set<Long> covered = records.projects(s.id()).stream().filter(p -> p.to() == null).map(CoveredProject::projectId)
                .collect(Collectors.toSet());
        return !c.allProjects() && covered.containsAll(place(c).projectIds());
    }

    private enum Side { OUTGOING, INCOMING, NONE }

    /**
     * Which side the user may still confirm: the outgoing operator's manager its own; the receiving side is another
     * operator's manager, else (no successor, or the same operator re-awarded) a district officer.
     */
    private Side side(CurrentUser user, Handover h, ServiceContract c) {
        if (h.outgoingBy() == null && scope.isOperatorManager(user) && user.organisationId() == c.operatorId()) {
            return Side.OUTGOING;
        }
        boolean districtReceives = h.receiverOperatorId() == null || h.receiverOperatorId() == c.operatorId();
        boolean incoming = h.incomingBy() == null && (districtReceives ? ContractScope.prepares(user, c.districtCode())
                : scope.isOperatorManager(user) && user.organisationId().equals(h.receiverOperatorId()));
        return incoming ? Side.INCOMING : Side.NONE;
    }

    /** Whether the page offers the user a confirmation. */
    public boolean mayConfirm(CurrentUser user, Handover h) {
        return side(user, h, records.contract(h.contractId()).orElseThrow()) != Side.NONE;
    }

    /** Whether the page offers the user to prepare the contract's handover (its last day passed, none yet). */
    public boolean mayPrepare(CurrentUser user, ServiceContract c) {
        return ContractScope.prepares(user, c.districtCode()) && c.status().closed() && c.lastDay().isBefore(LocalDate.now(clock))
                && jdbc.sql("select count(*) from contract_handover where contract_id = ?").param(c.id()).query(Long.class).single() == 0;
    }

    /** The contracts whose handover names this one as successor (the receiving side's way in). */
    public List<Long> handedTo(long successorContractId) {
        return jdbc.sql("select contract_id from contract_handover where successor_contract_id = ? order by id").param(successorContractId)
                .query(Long.class).list();
    }

    /** The outgoing operator's manager confirms its side, the receiver its own; both make the handover complete. */
    @Transactional
    public Handover confirm(CurrentUser user, long contractId, Integer seenVersion) {
        Handover h = of(user, contractId).orElseThrow(() -> ProblemException.notFound("HANDOVER_NOT_FOUND", "该合同尚无移交记录。"));
        ServiceContract c = records.contract(contractId).orElseThrow();
        Side side = side(user, h, c);
        boolean outgoing = side == Side.OUTGOING;
        if (side == Side.NONE) {
            throw ProblemException.forbidden("HANDOVER_NOT_YOURS", "移交由移交方承接主体负责人和接收方（接续承接主体负责人，无接续合同时为区县经办人）分别确认。");
        }
        boolean last = h.status() != HandoverStatus.PREPARED;
        HandoverStatus next = last ? HandoverStatus.HANDED_OVER : outgoing ? HandoverStatus.OUTGOING_CONFIRMED : HandoverStatus.INCOMING_CONFIRMED;
        var change = outgoing ? TABLE.change(h.id(), h.version(), h.status(), next, OUTGOING_BY.set(user.id()), OUTGOING_AT.set(clock.instant()))
                : TABLE.change(h.id(), h.version(), h.status(), next, INCOMING_BY.set(user.id()), INCOMING_AT.set(clock.instant()));
        changes.apply(change.asSeen(seenVersion), x -> {
            int moved = next == HandoverStatus.HANDED_OVER
                    ? sources.stream().mapToInt(s -> s.handOver(place(c), h.receiverOperatorId(), user.id())).sum() : 0;
            audit.record(ContractAudit.HANDOVER_CONFIRM, "contract_handover", h.id(), AuditOutcome.SUCCESS,
                    Map.of("side", outgoing ? "OUTGOING" : "INCOMING", "moved", moved));
        });
        return of(user, contractId).orElseThrow();
    }

    /** The handover of the contract, for whoever reads the contract and for the receiving operator's manager. */
    public Optional<Handover> of(CurrentUser user, long contractId) {
        Optional<Handover> h = jdbc.sql("select * from contract_handover where contract_id = ?").param(contractId)
                .query((rs, n) -> new Handover(rs.getLong("id"), rs.getLong("contract_id"), (Long) rs.getObject("successor_contract_id"),
                        (Long) rs.getObject("receiver_operator_id"), json.readValue(rs.getString("items"), LINES),
                        HandoverStatus.valueOf(rs.getString("status")), HandoverStatus.valueOf(rs.getString("status")).label(),
                        (Long) rs.getObject("outgoing_by"), (Long) rs.getObject("incoming_by"), rs.getInt("version"))).optional();
        boolean receiver = h.map(x -> x.receiverOperatorId() != null && scope.isOperatorManager(user)
                && user.organisationId().equals(x.receiverOperatorId())).orElse(false);
        if (!receiver) {
            contract(user, contractId);
        }
        return h;
    }

    private ServiceContract contract(CurrentUser user, long id) {
        return scope.visible(user, records.contract(id).orElseThrow(() -> ContractScope.notFound("CONTRACT_NOT_FOUND", "服务合同")));
    }

    private HandoverSource.Place place(ServiceContract c) {
        Set<Long> projects = c.allProjects() ? Set.of() : records.projects(c.id()).stream().map(CoveredProject::projectId)
                .collect(Collectors.toSet());
        return new HandoverSource.Place(c.operatorId(), c.districtCode(), projects);
    }
}
