package cn.anju.rent;

import cn.anju.shared.crypto.Crypto;
import cn.anju.shared.crypto.CryptoPurpose;
import cn.anju.identity.CurrentUser;
import cn.anju.lease.LeaseQueries;
import cn.anju.shared.Money;
import cn.anju.shared.Role;
import cn.anju.shared.excel.SheetReader;
import cn.anju.shared.web.ProblemException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;


import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Bank statements (银行流水) in the documented format (docs/rent.md): CSV (UTF-8) or Excel with the columns
 * 交易日期, 金额, 付款人, 摘要, 银行流水号. A line whose memo names a lease number in the importer's scope and whose
 * amount equals that lease's open amount or one of its open bills is recorded as a bank-transfer payment (the line's
 * fingerprint is the payment's idempotency key); any other incoming line waits in the queue for a clerk to match
 * by hand. A line imported again (same bank reference, or the same date, amount, payer and memo) is recognised and
 * skipped. The file is checked whole first: one bad line and nothing is imported.
 */
@Service
public class BankStatements {

    static final List<String> HEADERS = List.of("交易日期", "金额", "付款人", "摘要", "银行流水号");
    private static final Pattern LEASE_NUMBER = Pattern.compile("\\d{6}-\\d{4}-[A-Z0-9]+(?:-R\\d+)?");

    public record Result(int lines, int matched, int unmatched, int duplicates) {
    }

    public record Line(long id, LocalDate txnDate, BigDecimal amount, String payer, String memo, String bankRef, String status,
                       Long leaseId, OffsetDateTime importedAt) {
    }

    private final JdbcClient jdbc;
    private final LeaseQueries leases;
    private final Payments payments;
    private final Clock clock;

    /** A line's fingerprint: the digest of what identifies it, under the active suite; lines seen before a switch stay seen. */
    static final CryptoPurpose LINE = CryptoPurpose.stored("bank-statement-line");

    private final Crypto crypto;

    BankStatements(JdbcClient jdbc, LeaseQueries leases, Payments payments, Clock clock, Crypto crypto) {
        this.crypto = crypto;
        this.jdbc = jdbc;
        this.leases = leases;
        this.payments = payments;
        this.clock = clock;
    }

    private record Parsed(int row, LocalDate date, BigDecimal amount, String payer, String memo, String ref) {
        /** What identifies the line: the bank's reference, or without one its date, amount, payer and memo. */
        String identity() {
            return ref.isBlank() ? date + "|" + amount.toPlainString() + "|" + payer + "|" + memo : "ref|" + ref;
        }
    }

    @Transactional
    public Result importFile(CurrentUser user, String fileName, byte[] content) {
        requireCashier(user);
        if (content == null || content.length == 0) {
            throw ProblemException.badRequest("STATEMENT_EMPTY", "请选择银行流水文件（CSV 或 Excel）。");
        }
        List<Parsed> lines = parse(fileName, content);
        int matched = 0;
        int unmatched = 0;
        int duplicates = 0;
        Timestamp now = Timestamp.from(clock.instant());
        for (Parsed p : lines) {
            String fingerprint = crypto.digest(LINE, p.identity()).tagged();
            String[] seenAs = crypto.storedForms(LINE, p.identity()).toArray(String[]::new);
            if (jdbc.sql("select count(*) from bank_statement_line where fingerprint = any(?)").param(seenAs).query(Long.class).single() > 0) {
                duplicates++;
                continue;
            }
            Optional<LeaseQueries.LeaseRow> lease = leaseOf(user, p.memo());
            boolean auto = lease.isPresent() && p.amount().signum() > 0 && amountFits(lease.get().id(), p.amount());
            Long paymentId = null;
            if (auto) {
                paymentId = payments.post(user, "bank:" + fingerprint, new Payments.NewPayment(lease.get().id(), Payments.Channel.BANK_TRANSFER,
                        p.amount(), "银行流水 " + (p.ref().isBlank() ? p.date().toString() : p.ref()))).paymentId();
            }
            jdbc.sql("""
                            insert into bank_statement_line (fingerprint, txn_date, amount, payer, memo, bank_ref, status, lease_id, payment_id,
                                                             district_code, imported_by, imported_at, file_name)
                            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(fingerprint, Date.valueOf(p.date()), p.amount(), p.payer(), p.memo(), p.ref(), auto ? "MATCHED" : "UNMATCHED",
                            lease.map(LeaseQueries.LeaseRow::id).orElse(null), paymentId,
                            lease.map(l -> jdbc.sql("select district_code from lease_billing_basis where lease_id = ?").param(l.id())
                                    .query(String.class).optional().orElse(null)).orElse(null),
                            user.id(), now, fileName == null ? "" : fileName)
                    .update();
            if (auto) {
                matched++;
            } else {
                unmatched++;
            }
        }
        return new Result(lines.size(), matched, unmatched, duplicates);
    }

    /** A clerk matches a queued line to a lease in scope: it becomes that lease's bank-transfer payment. */
    @Transactional
    public long match(CurrentUser user, long lineId, Long leaseId) {
        requireCashier(user);
        if (leaseId == null) {
            throw ProblemException.badRequest("PAYMENT_LEASE_REQUIRED", "请指定租赁合同。");
        }
        record Queued(String fingerprint, BigDecimal amount, String status, String ref, LocalDate date, long importedBy) {
        }
        Queued q = jdbc.sql("select fingerprint, amount, status, bank_ref, txn_date, imported_by from bank_statement_line where id = ? for update")
                .param(lineId)
                .query((rs, n) -> new Queued(rs.getString(1), rs.getBigDecimal(2), rs.getString(3), rs.getString(4),
                        rs.getObject(5, LocalDate.class), rs.getLong(6)))
                .optional().orElseThrow(() -> ProblemException.notFound("LINE_NOT_FOUND", "流水不存在。"));
        if (!"UNMATCHED".equals(q.status())) {
            throw ProblemException.conflict("LINE_MATCHED", "该笔流水已匹配。");
        }
        if (q.amount().signum() <= 0) {
            throw ProblemException.unprocessable("LINE_NOT_INCOMING", "付出或零金额的流水不能作为收款匹配。");
        }
        LeaseQueries.LeaseRow lease = leases.get(user, leaseId);
        long paymentId = payments.post(user, "bank:" + q.fingerprint(), new Payments.NewPayment(lease.id(), Payments.Channel.BANK_TRANSFER,
                q.amount(), "银行流水 " + (q.ref().isBlank() ? q.date().toString() : q.ref()))).paymentId();
        jdbc.sql("""
                        update bank_statement_line set status = 'MATCHED', lease_id = ?, payment_id = ?,
                               district_code = (select district_code from lease_billing_basis where lease_id = ?) where id = ?""")
                .params(lease.id(), paymentId, lease.id(), lineId).update();
        return paymentId;
    }

    /** The queue: unmatched lines the importer's organisation brought in (lines name no lease, so scope is by importer). */
    public List<Line> queue(CurrentUser user) {
        requireCashier(user);
        return jdbc.sql("""
                        select l.id, l.txn_date, l.amount, l.payer, l.memo, l.bank_ref, l.status, l.lease_id, l.imported_at
                          from bank_statement_line l join staff_name u on u.user_id = l.imported_by
                         where l.status = 'UNMATCHED' and u.organisation_id = ? order by l.txn_date, l.id limit 500""")
                .param(user.organisationId())
                .query((rs, n) -> new Line(rs.getLong(1), rs.getObject(2, LocalDate.class), rs.getBigDecimal(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), (Long) rs.getObject(8), rs.getObject(9, OffsetDateTime.class)))
                .list();
    }

    private boolean amountFits(long leaseId, BigDecimal amount) {
        List<RentLedger.Open> open = RentLedger.openBills(jdbc, leaseId, BillAccount.RENT);
        BigDecimal total = open.stream().map(RentLedger.Open::outstanding).reduce(BigDecimal.ZERO, BigDecimal::add);
        return amount.compareTo(total) == 0 || open.stream().anyMatch(o -> o.outstanding().compareTo(amount) == 0);
    }

    private Optional<LeaseQueries.LeaseRow> leaseOf(CurrentUser user, String memo) {
        Matcher m = LEASE_NUMBER.matcher(memo == null ? "" : memo);
        return m.find() ? leases.byNumber(user, m.group()) : Optional.empty();
    }

    private static List<Parsed> parse(String fileName, byte[] content) {
        List<String> errors = new ArrayList<>();
        List<Parsed> parsed = new ArrayList<>();
        for (var line : SheetReader.read(content, HEADERS, "STATEMENT_HEADERS", "流水文件")) {
            String[] c = line.values(HEADERS);
            int row = line.rowNumber();
            try {
                Money amount = Money.typed(new BigDecimal(c[1].replace(",", "").replace("¥", "")), Money.Sign.ANY)
                        .orElseThrow(NumberFormatException::new);
                parsed.add(new Parsed(row, LocalDate.parse(c[0].replace('/', '-')), amount.amount(), c[2], c[3], c[4]));
            } catch (DateTimeParseException | NumberFormatException | ArrayIndexOutOfBoundsException e) {
                errors.add("第" + row + "行：交易日期应为 yyyy-MM-dd，金额为最多两位小数的数字");
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.badRequest("STATEMENT_INVALID", "流水文件有误，未导入任何一行：" + String.join("；",
                    errors.subList(0, Math.min(errors.size(), 10))) + (errors.size() > 10 ? "……共" + errors.size() + "处" : "") + "。");
        }
        return parsed;
    }

    private static void requireCashier(CurrentUser user) {
        if (!RentAccess.isCashier(user)) {
            throw ProblemException.forbidden("PAYMENT_CASHIER_ONLY", "银行流水由承接主体的收银员或负责人导入和匹配。");
        }
    }
}
