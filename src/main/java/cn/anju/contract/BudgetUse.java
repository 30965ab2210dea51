package cn.anju.contract;

import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;

import java.util.ArrayList;
import java.util.List;

/**
 * Budget use per contract and year: the budget the finance bureau approved for the contract's procurement that year,
 * what was settled and paid under the contract that year, and what remains (budget − settled). A year without an
 * approved budget (a LEGACY contract, a term running into a year not yet budgeted) shows none and no remainder.
 */
@NamedInterface("api")
@Service
public class BudgetUse {

    private final ContractRecords records;
    private final ContractLedger ledger;

    BudgetUse(ContractRecords records, ContractLedger ledger) {
        this.records = records;
        this.ledger = ledger;
    }

    public record Year(int year, Long budgetFen, long settledFen, long paidFen, Long remainingFen) {
    }

    public List<Year> of(ServiceContract c) {
        Procurement p = c.procurementId() == null ? null : records.procurement(c.procurementId()).orElse(null);
        var entries = ledger.entries(c.id());
        int first = c.startsOn().getYear();
        int last = c.lastDay() == null ? Math.max(first, entries.stream().mapToInt(ContractLedger.Entry::year).max().orElse(first))
                : c.lastDay().getYear();
        List<Year> years = new ArrayList<>();
        for (int y = first; y <= last; y++) {
            int year = y;
            long settled = entries.stream().filter(e -> e.year() == year && e.kind() == ContractLedger.Kind.SETTLED)
                    .mapToLong(ContractLedger.Entry::amountFen).sum();
            long paid = entries.stream().filter(e -> e.year() == year && e.kind() == ContractLedger.Kind.PAID)
                    .mapToLong(ContractLedger.Entry::amountFen).sum();
            Long budget = p == null ? null : p.budgetOf(year).map(Procurement.Budget::amountFen).orElse(null);
            years.add(new Year(year, budget, settled, paid, budget == null ? null : budget - settled));
        }
        return years;
    }
}
