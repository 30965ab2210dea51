package cn.anju.contract.web;

import cn.anju.contract.BudgetUse;
import cn.anju.contract.ContractAmendments;
import cn.anju.contract.ContractLedger;
import cn.anju.contract.ContractReviews;
import cn.anju.contract.ContractStatus;
import cn.anju.contract.ServiceContracts;
import cn.anju.contract.CoveredProject;
import cn.anju.contract.FeeTerms;
import cn.anju.contract.FixedDeduction;
import cn.anju.contract.PaymentRule;
import cn.anju.contract.ServiceContract;
import cn.anju.contract.ServiceItem;
import cn.anju.identity.IdentityQueries;
import cn.anju.shared.Districts;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** What the API and the pages show of a contract: names beside ids, its projects, amendments and budget use. */
@Component
class ContractViews {

    private final ServiceContracts contracts;
    private final ContractAmendments amendments;
    private final BudgetUse budgetUse;
    private final ContractLedger ledger;
    private final ContractReviews reviews;
    private final IdentityQueries identity;
    private final Districts districts;
    private final Clock clock;

    ContractViews(ServiceContracts contracts, ContractAmendments amendments, BudgetUse budgetUse, ContractLedger ledger,
                  ContractReviews reviews, IdentityQueries identity, Districts districts, Clock clock) {
        this.contracts = contracts;
        this.amendments = amendments;
        this.budgetUse = budgetUse;
        this.ledger = ledger;
        this.reviews = reviews;
        this.identity = identity;
        this.districts = districts;
        this.clock = clock;
    }

    record Summary(long id, String contractNo, String title, String districtCode, String districtName, long operatorId,
                   String operatorName, boolean legacy, LocalDate startsOn, LocalDate endsOn, LocalDate lastDay,
                   ContractStatus status, String statusLabel, boolean allProjects, BudgetUse.Year thisYear, int version) {
    }

    record Project(long projectId, String name, LocalDate from, LocalDate to) {
    }

    record Detail(Summary contract, Long procurementId, List<ServiceItem> serviceItems, FeeTerms fees, FeeTerms feesToday,
                  BigDecimal holdbackPercent, PaymentRule paymentRule, List<FixedDeduction> deductions, String targetsRef,
                  int windDownDays, LocalDate windDownUntil, LocalDate signedOn, String signedSha256,
                  ServiceContract.Termination termination, List<Project> projects, List<ContractAmendments.Amendment> amendments,
                  List<BudgetUse.Year> budgetUse, List<ContractLedger.Entry> ledger,
                  List<ContractReviews.Flag> terminationReview) {
    }

    List<Summary> summaries(List<ServiceContract> list) {
        Map<Long, String> names = identity.organisationNames(list.stream().map(ServiceContract::operatorId).collect(Collectors.toSet()));
        return list.stream().map(c -> summary(c, names)).toList();
    }

    private Summary summary(ServiceContract c, Map<Long, String> names) {
        int year = LocalDate.now(clock).getYear();
        BudgetUse.Year thisYear = budgetUse.of(c).stream().filter(y -> y.year() == year).findFirst().orElse(null);
        return new Summary(c.id(), c.contractNo(), c.title(), c.districtCode(), districts.nameOf(c.districtCode()), c.operatorId(),
                names.get(c.operatorId()), c.legacy(), c.startsOn(), c.endsOn(), c.lastDay(), c.status(), c.status().label(),
                c.allProjects(), thisYear, c.version());
    }

    Detail detail(ServiceContract c) {
        Summary s = summary(c, identity.organisationNames(Set.of(c.operatorId())));
        List<CoveredProject> covered = contracts.projects(c);
        Map<Long, String> projectNames = contracts.projectNames(covered.stream().map(CoveredProject::projectId).distinct().toList());
        List<Project> projects = covered.stream().map(p -> new Project(p.projectId(), projectNames.get(p.projectId()), p.from(), p.to())).toList();
        LocalDate last = c.lastDay();
        List<ContractAmendments.Amendment> history = amendments.of(c);
        return new Detail(s, c.procurementId(), c.serviceItems(), c.fees(), ContractAmendments.feesOn(c, history, LocalDate.now(clock)),
                c.holdbackPercent(), c.paymentRule(), c.deductions(), c.targetsRef(), c.windDownDays(),
                last == null ? null : last.plusDays(c.windDownDays()), c.signedOn(), c.signedPdf() == null ? null : c.signedPdf().sha256(),
                c.termination(), projects, history, budgetUse.of(c), ledger.entries(c.id()), reviews.flags(c.id()));
    }
}
