package cn.anju.demo;

import cn.anju.contract.ContractHandovers;
import cn.anju.contract.ContractLedger;
import cn.anju.contract.ContractLifecycle;
import cn.anju.contract.ServiceContracts;
import cn.anju.contract.FeeTerms;
import cn.anju.contract.FixedDeduction;
import cn.anju.contract.PaymentRule;
import cn.anju.contract.Procurement;
import cn.anju.contract.ProcurementMethod;
import cn.anju.contract.Procurements;
import cn.anju.contract.ServiceItem;
import cn.anju.shared.files.Upload;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The purchase behind the demo's coverage, recorded through the contract module as the officers would: 榆阳区 bought from
 * 榆林安居 for three years from the platform's start, then again (the earlier contract ended, settled and paid year by
 * year); 横山区 from 榆林安居 and 神木市 (single source) from 神木市保障房运营 for the whole history, each budgeted year by
 * year; 府谷县 is drafting next year's purchase. Dates follow the clock, so every past record lies inside a contract.
 */
@Component
@Profile("demo")
class DemoContracts {

    private static final List<ServiceItem> ALL = List.of(ServiceItem.values());
    private static final FeeTerms PER_UNIT = new FeeTerms(FeeTerms.Kind.PER_UNIT,
            Map.of("一室一厅", 3_500L, "两室一厅", 4_500L, FeeTerms.OTHER_LAYOUTS, 4_000L), null, FeeTerms.Cycle.QUARTERLY);

    private final DemoActs acts;
    private final DemoPdfs pdfs;
    private final Procurements procurements;
    private final ServiceContracts contracts;
    private final ContractLifecycle lifecycle;
    private final ContractLedger ledger;
    private final ContractHandovers handovers;

    DemoContracts(DemoActs acts, DemoPdfs pdfs, Procurements procurements, ServiceContracts contracts, ContractLifecycle lifecycle,
                  ContractLedger ledger, ContractHandovers handovers) {
        this.acts = acts;
        this.pdfs = pdfs;
        this.procurements = procurements;
        this.contracts = contracts;
        this.lifecycle = lifecycle;
        this.ledger = ledger;
        this.handovers = handovers;
    }

    /** What a district bought: from whom, how, for which period, and whose officers and finance recorded it. */
    private record Purchase(String district, String officer, String finance, long operator, String contractNo, ProcurementMethod method,
                            String reason, LocalDate from, LocalDate to, long yearlyBudgetFen) {
    }

    void make(LocalDate since, long anju, long shenmu) {
        LocalDate farEnd = acts.today().plusYears(1).withDayOfYear(1).plusYears(1).minusDays(1);
        LocalDate firstEnd = since.plusYears(3).withDayOfYear(1).minusDays(1);
        long earlier = buy(new Purchase("610802", "yuyang.gov", "yuyang.finance", anju, "YY-GM-" + since.getYear() + "-01",
                ProcurementMethod.PUBLIC_TENDER, null, since, firstEnd, 180_000_00L));
        buy(new Purchase("610802", "yuyang.gov", "yuyang.finance", anju, "YY-GM-" + (firstEnd.getYear() + 1) + "-01",
                ProcurementMethod.COMPETITIVE_CONSULTATION, null, firstEnd.plusDays(1), farEnd, 200_000_00L));
        buy(new Purchase("610803", "hengshan.gov", "hengshan.finance", anju, "HS-GM-" + since.getYear() + "-01",
                ProcurementMethod.PUBLIC_TENDER, null, since, farEnd, 120_000_00L));
        buy(new Purchase("610881", "shenmu.gov", "shenmu.finance", shenmu, "SM-GM-" + since.getYear() + "-01",
                ProcurementMethod.SINGLE_SOURCE, "该单位为本市唯一具有公租房运营经验且已承接本市全部在管项目的单位，经公示无异议", since, farEnd,
                150_000_00L));
        handOver(earlier, firstEnd.plusDays(1));
        settleEarlier(earlier, since, firstEnd);
        acts.run(acts.at(acts.today().minusDays(20), 10), "city.gov", gov -> procurements.create(gov, new Procurements.NewProcurement(
                "610822", acts.today().getYear() + 1, "府谷县公租房运营管理服务（" + (acts.today().getYear() + 1) + "年度）",
                "府谷县住房和城乡建设局", ALL, ProcurementMethod.PUBLIC_TENDER, null, 90_000_00L, List.of())));
    }

    /** Records the purchase from the project to the signature, in the days before it starts; answers the contract's id. */
    private long buy(Purchase p) {
        LocalDate prep = p.from().minusDays(60);
        String title = districtTitle(p) + "公租房运营管理服务";
        long procurement = acts.at(acts.at(prep, 9), p.officer(), gov -> procurements.create(gov, new Procurements.NewProcurement(
                p.district(), p.from().getYear(), title + "（" + p.from().getYear() + "年起）", districtTitle(p) + "住房和城乡建设局", ALL,
                p.method(), p.reason(), p.yearlyBudgetFen(), List.of())));
        approveBudget(p, procurement, p.from().getYear(), prep.plusDays(5));
        acts.run(acts.at(prep.plusDays(10), 10), p.officer(), gov -> procurements.announce(gov, procurement, prep.plusDays(10),
                pdf("采购公告", title), null));
        acts.run(acts.at(prep.plusDays(35), 10), p.officer(), gov -> procurements.award(gov, procurement, prep.plusDays(35),
                p.operator(), List.of("榆林安居物业服务有限公司", "神木市保障房运营管理有限公司", "陕西恒泰物业管理有限公司"),
                pdf("成交结果公告", title), null));
        long contract = acts.at(acts.at(prep.plusDays(40), 10), p.officer(), gov -> contracts.draft(gov, new ServiceContracts.NewContract(
                procurement, p.operator(), p.contractNo(), title + "合同", p.from(), p.to(), true, List.of(), ALL, PER_UNIT,
                BigDecimal.valueOf(5), PaymentRule.standard(), List.of(new FixedDeduction("未按期提交季度财务报告（每次）", 2_000_00L)),
                "绩效指标体系（见考核办法附件）")));
        acts.run(acts.at(prep.plusDays(45), 15), p.officer(), gov -> lifecycle.sign(gov, contract, prep.plusDays(45),
                pdf("政府购买服务合同", p.contractNo(), title), null));
        for (int year = p.from().getYear() + 1; year <= Math.min(p.to().getYear(), acts.today().getYear()); year++) {
            approveBudget(p, procurement, year, LocalDate.of(year - 1, 12, 20));
        }
        return contract;
    }

    /**
     * The day after the earlier contract ended, the district lists what it left open and names the successor (the same
     * operator, re-awarded); the operator's manager confirms as the outgoing side and, the operator being the same, the
     * district's officer as the receiving one.
     */
    private void handOver(long contract, LocalDate day) {
        acts.run(acts.at(day, 9), "yuyang.gov", gov -> {
            lifecycle.followAll();
            handovers.prepare(gov, contract, null);
        });
        acts.run(acts.at(day, 14), "anju.manager", manager -> handovers.confirm(manager, contract, null));
        acts.run(acts.at(day, 15), "yuyang.gov", gov -> handovers.confirm(gov, contract, null));
    }

    /** 预算批复 of one year of the purchase, by the district's finance bureau. */
    private void approveBudget(Purchase p, long procurement, int year, LocalDate on) {
        acts.run(acts.at(on, 10), p.finance(), fin -> procurements.approveBudget(fin, procurement, new Procurement.Budget(year,
                p.yearlyBudgetFen(), districtTitle(p) + "财预〔" + year + "〕" + (10 + year % 7) + "号", districtTitle(p) + "财政局", on, null),
                pdf("预算批复", year + "年度公租房运营管理服务预算批复"), null));
    }

    /** The earlier 榆阳区 contract was settled and paid year by year (history kept before the evaluation module). */
    private void settleEarlier(long contract, LocalDate since, LocalDate end) {
        BigDecimal[] scores = {new BigDecimal("91.50"), new BigDecimal("87.20"), new BigDecimal("92.80")};
        for (int i = 0; i < 3 && since.getYear() + i <= end.getYear(); i++) {
            int year = since.getYear() + i;
            String voucher = "ZF-" + year + "-0" + (i + 3);
            BigDecimal score = scores[i];
            long settled = score.compareTo(BigDecimal.valueOf(90)) >= 0 ? 180_000_00L
                    : score.multiply(BigDecimal.valueOf(180_000_00L)).divide(BigDecimal.valueOf(90), 0, java.math.RoundingMode.HALF_UP).longValue();
            acts.run(acts.at(LocalDate.of(year + 1, 2, 20), 10), "yuyang.gov", gov -> {
                ledger.record(gov.id(), new ContractLedger.Entry(contract, ContractLedger.Kind.SETTLED, year, String.valueOf(year), settled,
                        score, score.compareTo(BigDecimal.valueOf(90)) >= 0 ? "优" : "良", "JS-" + year));
                ledger.record(gov.id(), new ContractLedger.Entry(contract, ContractLedger.Kind.PAID, year, String.valueOf(year), settled,
                        null, null, voucher));
            });
        }
    }

    private static String districtTitle(Purchase p) {
        return switch (p.district()) {
            case "610802" -> "榆阳区";
            case "610803" -> "横山区";
            case "610881" -> "神木市";
            default -> "府谷县";
        };
    }

    private Upload pdf(String title, String... lines) {
        return new Upload(title + ".pdf", pdfs.document(title, lines));
    }
}
