package cn.anju.demo;

import cn.anju.contract.ContractStatus;
import cn.anju.contract.ServiceContract;
import cn.anju.contract.ServiceContracts;
import cn.anju.evaluation.EvaluationReview;
import cn.anju.evaluation.FinancialReport;
import cn.anju.evaluation.FinancialReports;
import cn.anju.evaluation.EvaluationScoring;
import cn.anju.evaluation.Evaluations;
import cn.anju.evaluation.Settlements;
import cn.anju.shared.excel.Sheets;
import cn.anju.shared.files.Upload;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;

/**
 * The last two ended quarters of 榆阳区 and 神木市 evaluated as the people involved would have: computed a few days after
 * the quarter, scored by the district and the evaluation firm, sent to the operator (in 榆阳's earlier quarter it
 * objects to the repair figure and the district accepts), signed by the leader, settled; the earlier quarter's
 * settlement paid by the finance bureau. Steps that would fall after today are left for the demo's users to take.
 */
@Component
@Profile("demo")
class DemoEvaluations {

    private final DemoActs acts;
    private final DemoPdfs pdfs;
    private final ServiceContracts contracts;
    private final Evaluations evaluations;
    private final EvaluationScoring scoring;
    private final EvaluationReview review;
    private final Settlements settlements;
    private final FinancialReports reports;

    DemoEvaluations(DemoActs acts, DemoPdfs pdfs, ServiceContracts contracts, Evaluations evaluations, EvaluationScoring scoring,
                    EvaluationReview review, Settlements settlements, FinancialReports reports) {
        this.reports = reports;
        this.acts = acts;
        this.pdfs = pdfs;
        this.contracts = contracts;
        this.evaluations = evaluations;
        this.scoring = scoring;
        this.review = review;
        this.settlements = settlements;
    }

    private record District(String code, String officer, String leader, String finance, String operator) {
    }

    /** Days from a quarter's end to its computation (the figures' deadlines have passed), as the policy default says. */
    private static final int SETTLE = 36;

    /**
     * The last days of the two quarters the demo evaluates, the earlier first: the last quarter whose whole story
     * (computed, scored, reviewed, signed, settled, paid) lies before today, and the one before it.
     */
    static List<LocalDate> quarterEnds(LocalDate today) {
        LocalDate lastEnd = today.minusDays(SETTLE + 24).withDayOfMonth(1);
        lastEnd = lastEnd.withMonth((lastEnd.getMonthValue() - 1) / 3 * 3 + 1).minusDays(1);
        return List.of(lastEnd.withDayOfMonth(1).minusMonths(2).minusDays(1), lastEnd);
    }

    /** Returns how many quarters were signed. */
    int make() {
        LocalDate today = acts.today();
        List<LocalDate> ends = quarterEnds(today);
        LocalDate earlierEnd = ends.get(0);
        LocalDate lastEnd = ends.get(1);
        int signed = 0;
        for (District d : List.of(new District("610802", "yuyang.gov", "yuyang.leader", "yuyang.finance", "anju.manager"),
                new District("610881", "shenmu.gov", "shenmu.leader", "shenmu.finance", "shenmu.op"))) {
            signed += quarter(d, earlierEnd, d.code().equals("610802"), true, today);
            signed += quarter(d, lastEnd, false, false, today);
            reports(d, today.getYear() - 1, lastEnd);
        }
        return signed;
    }

    /**
     * The operator's accounts: last year's annual report and the accounting firm's audit report (filed in March,
     * accepted by the district), and the last evaluated quarter's report.
     */
    private void reports(District d, int year, LocalDate quarterEnd) {
        long contract = serving(d, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31), LocalDate.of(year + 1, 3, 20));
        if (contract > 0) {
            long annual = acts.at(acts.at(LocalDate.of(year + 1, 3, 20), 10), d.operator(), op -> reports.submit(op, contract,
                    String.valueOf(year), workbook(d, 4)));
            long audit = acts.at(acts.at(LocalDate.of(year + 1, 3, 20), 11), d.operator(), op -> reports.submitAudit(op, contract,
                    String.valueOf(year), "陕西秦信会计师事务所有限公司", "61000021", FinancialReport.Opinion.UNQUALIFIED,
                    pdf("审计报告", year + "年度公租房运营服务项目专项审计报告")));
            acts.run(acts.at(LocalDate.of(year + 1, 3, 25), 9), d.officer(), gov -> {
                reports.decide(gov, annual, true, null, null);
                reports.decide(gov, audit, true, null, null);
            });
        }
        LocalDate from = quarterEnd.withDayOfMonth(1).minusMonths(2);
        long current = serving(d, from, quarterEnd, quarterEnd.plusDays(10));
        if (current > 0) {
            String period = quarterEnd.getYear() + "Q" + ((quarterEnd.getMonthValue() - 1) / 3 + 1);
            acts.run(acts.at(quarterEnd.plusDays(10), 10), d.operator(), op -> reports.submit(op, current, period, workbook(d, 1)));
        }
    }

    /** The district's signed contract serving the whole of [from, to], as its officer finds it on {@code day}; -1 if none. */
    private long serving(District d, LocalDate from, LocalDate to, LocalDate day) {
        return acts.at(acts.at(day, 8), d.officer(), gov -> contracts.list(gov).stream()
                .filter(c -> c.districtCode().equals(d.code()) && c.status() != ContractStatus.DRAFT && !c.startsOn().isAfter(from)
                        && (c.lastDay() == null || !c.lastDay().isBefore(to)))
                .mapToLong(ServiceContract::id).findFirst().orElse(-1));
    }

    /** A report on the platform's template: {@code quarters} quarters of income and costs. */
    private static Upload workbook(District d, int quarters) {
        long scale = d.code().equals("610802") ? 3 : 2;
        List<List<?>> rows = List.of(List.of("合同收入", money(quarters * scale * 40_000_00L)), List.of("入住和退出管理成本", money(quarters * scale * 6_000_00L)),
                List.of("租金收缴和房屋使用管理成本", money(quarters * scale * 5_500_00L)), List.of("维修养护成本", money(quarters * scale * 15_000_00L)),
                List.of("综合管理成本", money(quarters * scale * 8_000_00L)), List.of("在岗人数", String.valueOf(6 * scale)));
        return new Upload("财务报告.xlsx", Sheets.write("财务报告", List.of("项目", "金额（元）或人数"), rows));
    }

    private static String money(long fen) {
        return BigDecimal.valueOf(fen, 2).toPlainString();
    }

    private int quarter(District d, LocalDate end, boolean objection, boolean pay, LocalDate today) {
        LocalDate from = end.withDayOfMonth(1).minusMonths(2);
        String period = end.getYear() + "Q" + ((end.getMonthValue() - 1) / 3 + 1);
        long contract = serving(d, from, end, end.plusDays(SETTLE));
        if (contract < 0) {
            return 0;
        }
        long id = acts.at(at(end, 0, 9), d.officer(), gov -> {
            long e = evaluations.open(gov, contract, period);
            evaluations.compute(gov, e, null);
            return e;
        });
        acts.run(at(end, 4, 10), d.officer(), gov -> {
            scoring.score(gov, id, "MANAGEMENT_SYSTEM", BigDecimal.valueOf(92), "管理制度健全，项目配备专职管理员和维修人员，考勤记录完整。", null, null);
            scoring.score(gov, id, "FINANCIAL_REPORTS", BigDecimal.valueOf(objection ? 80 : 95), objection
                    ? "季度财务报告迟报3个工作日，内容完整。" : "季度财务报告按期报送，内容完整。", null, null);
        });
        acts.run(at(end, 5, 15), "evaluator", ev -> {
            scoring.score(ev, id, "SITE_INSPECTION", BigDecimal.valueOf(86), "抽查楼栋公共区域、设施设备及台账，发现少量保洁不到位问题。",
                    pdf("现场检查记录", period + " 现场检查记录"), null);
            scoring.score(ev, id, "SOCIAL_BENEFIT", BigDecimal.valueOf(88), "住户座谈与入户访谈反映服务态度良好，邻里纠纷调处及时。", null, null);
        });
        acts.run(at(end, 6, 10), d.officer(), gov -> {
            scoring.submit(gov, id, null);
            scoring.sendForReview(gov, id, null);
        });
        if (objection) {
            long o = acts.at(at(end, 7, 11), d.operator(), op -> review.object(op, id, "REPAIR_ON_TIME",
                    "部分工单因住户不在家延期入户，已在工单中记录，请按实际完工时间重新核算。", pdf("异议说明", "维修工单延期情况说明")));
            acts.run(at(end, 8, 16), d.officer(), gov -> review.accept(gov, o, "经核实，按现有工单记录重新计算。", null));
        }
        acts.run(at(end, 9, 10), d.operator(), op -> review.acceptResult(op, id));
        acts.run(at(end, 10, 9), d.leader(), leader -> review.sign(leader, id, null));
        long settlement = acts.at(at(end, 12, 10), d.officer(), gov -> settlements.draft(gov, id));
        acts.run(at(end, 15, 10), d.leader(), leader -> settlements.approve(leader, settlement, null));
        if (pay) {
            acts.run(at(end, 25, 14), d.finance(), fin -> settlements.pay(fin, settlement, "PZ-" + period + "-" + d.code(),
                    end.plusDays(SETTLE + 25), null));
        }
        return 1;
    }

    /** The moment {@code days} after the computation of the quarter ending {@code end}. */
    private Instant at(LocalDate end, int days, int hour) {
        return acts.at(LocalDateTime.of(end.plusDays(SETTLE + days), LocalTime.of(hour, 0)));
    }

    private Upload pdf(String title, String line) {
        return new Upload(title + ".pdf", pdfs.document(title, line));
    }
}
