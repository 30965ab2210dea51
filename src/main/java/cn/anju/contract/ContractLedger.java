package cn.anju.contract;

import cn.anju.audit.AuditLog;
import cn.anju.audit.AuditOutcome;
import cn.anju.shared.web.ProblemException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What was settled and paid under each contract, year by year: the evaluation module's settlements write here (an
 * approved settlement is SETTLED with its score and band, a paid one PAID with the voucher), so the contract module can
 * show budget use and the last result beside next year's budget without depending on evaluation. Each entry is written
 * once per reference.
 */
@NamedInterface("api")
@Service
public class ContractLedger {

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Clock clock;

    ContractLedger(JdbcClient jdbc, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    public enum Kind { SETTLED, PAID }

    /** One line: {@code period} as the settlement names it (2026Q1, 2026), {@code reference} its id or voucher, once. */
    public record Entry(long contractId, Kind kind, int year, String period, long amountFen, BigDecimal score, String band,
                        String reference) {
    }

    @Transactional
    public void record(long actorId, Entry e) {
        if (e.amountFen() < 0 || e.period() == null || e.reference() == null || e.reference().isBlank()) {
            throw ProblemException.badRequest("LEDGER_ENTRY_INVALID", "结算或支付记录须有期间、凭据和不为负的金额。");
        }
        try {
            long id = jdbc.sql("""
                            insert into contract_ledger_entry (contract_id, kind, year, period, amount_fen, score, band, reference,
                                                               recorded_by, recorded_at)
                            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                    .params(e.contractId(), e.kind().name(), e.year(), e.period(), e.amountFen(), e.score(), e.band(), e.reference(),
                            actorId, Timestamp.from(clock.instant()))
                    .query(Long.class).single();
            audit.record(ContractAudit.CONTRACT_LEDGER, "contract_ledger_entry", id, AuditOutcome.SUCCESS,
                    Map.of("contractId", e.contractId(), "kind", e.kind().name(), "amountFen", e.amountFen()));
        } catch (DuplicateKeyException dup) {
            throw ProblemException.conflict("LEDGER_ENTRY_RECORDED", "该结算或支付（" + e.reference() + "）已记录，不能重复记账。");
        }
    }

    public List<Entry> entries(long contractId) {
        return jdbc.sql("""
                        select contract_id, kind, year, period, amount_fen, score, band, reference from contract_ledger_entry
                         where contract_id = ? order by year, period, kind, id""")
                .param(contractId).query((rs, n) -> new Entry(rs.getLong(1), Kind.valueOf(rs.getString(2)), rs.getInt(3),
                        rs.getString(4), rs.getLong(5), rs.getBigDecimal(6), rs.getString(7), rs.getString(8))).list();
    }

    /** The latest settled result with a score among the district's contracts: what informs next year's budget. */
    public Optional<Entry> lastResult(String districtCode) {
        return jdbc.sql("""
                        select e.contract_id, e.kind, e.year, e.period, e.amount_fen, e.score, e.band, e.reference
                          from contract_ledger_entry e join service_contract c on c.id = e.contract_id
                         where c.district_code = ? and e.kind = ? and e.score is not null
                         order by e.year desc, e.recorded_at desc, e.id desc limit 1""")
                .params(districtCode, Kind.SETTLED.name())
                .query((rs, n) -> new Entry(rs.getLong(1), Kind.valueOf(rs.getString(2)), rs.getInt(3), rs.getString(4),
                        rs.getLong(5), rs.getBigDecimal(6), rs.getString(7), rs.getString(8))).optional();
    }
}
