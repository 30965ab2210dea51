package cn.anju.lease;

import cn.anju.shared.Money;
import cn.anju.shared.web.ProblemException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;

/**
 * The rent a new lease, renewal or amendment states. With an approved rent standard it is the standard's quote: a
 * clerk may leave the figure out, and a figure that differs is refused with the right one, so a contract never says
 * one rent while the bills charge another. Without a standard (a project not yet priced) the clerk's figure stands.
 */
@Component
class LeaseRent {

    private final ObjectProvider<RentQuotes> quotes;

    LeaseRent(ObjectProvider<RentQuotes> quotes) {
        this.quotes = quotes;
    }

    BigDecimal settle(BigDecimal typed, long projectId, BigDecimal rentArea, String rentTier, LocalDate on) {
        Optional<RentQuotes.Quote> quote = Optional.ofNullable(quotes.getIfAvailable())
                .flatMap(q -> q.quote(projectId, rentArea, rentTier, on));
        if (typed != null && !Money.isAmount(typed, Money.Sign.NOT_NEGATIVE)) {
            throw ProblemException.badRequest("LEASE_RENT_FORMAT", "月租金应为不小于0的金额（元，最多两位小数）。");
        }
        if (quote.isEmpty()) {
            if (typed == null) {
                throw ProblemException.badRequest("LEASE_TERMS_REQUIRED", "该项目尚无已核定的租金标准：请填写月租金，或先由住房保障部门核定租金标准。");
            }
            return typed;
        }
        BigDecimal rent = quote.get().monthlyRent();
        if (typed != null && typed.compareTo(rent) != 0) {
            throw ProblemException.unprocessable("LEASE_RENT_NOT_STANDARD", "月租金应按核定的租金标准计算为 ¥" + rent.toPlainString()
                    + "（" + quote.get().basis() + "）；可不填，由系统按标准计算。");
        }
        return rent;
    }
}
