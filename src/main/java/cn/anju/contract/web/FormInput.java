package cn.anju.contract.web;

import cn.anju.contract.FixedDeduction;
import cn.anju.shared.web.ProblemException;
import org.springframework.ui.Model;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * What the purchase's forms type and the services take: yuan as typed (1234.56, commas allowed) to fen exactly, a
 * percentage, fixed deductions one per line, names one per line. A value that cannot be read is refused in Chinese,
 * naming the field.
 */
final class FormInput {

    private FormInput() {
    }

    /** Fen of a typed yuan amount, null when left blank; more than two decimals or no number is refused. */
    static Long fen(String typed, String field) {
        BigDecimal yuan = decimal(typed, field + "请填写金额（元），最多两位小数，例如 1234.56。");
        if (yuan == null) {
            return null;
        }
        try {
            if (yuan.stripTrailingZeros().scale() > 2) {
                throw new ArithmeticException("below the fen");
            }
            return yuan.movePointRight(2).longValueExact();
        } catch (ArithmeticException e) {
            throw ProblemException.badRequest("AMOUNT_INVALID", field + "请填写金额（元），最多两位小数，例如 1234.56。");
        }
    }

    /** A typed decimal (a percentage, a score), null when blank. */
    static BigDecimal decimal(String typed, String refusal) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(typed.strip().replace(",", "").replace("，", ""));
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest("AMOUNT_INVALID", refusal);
        }
    }

    /** The non-blank lines of a textarea, stripped. */
    static List<String> lines(String text) {
        return text == null ? List.of() : text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    }

    /** Fixed deductions, one a line: "事项,金额元" (a Chinese comma too). */
    static List<FixedDeduction> deductions(String text) {
        List<FixedDeduction> out = new ArrayList<>();
        for (String line : lines(text)) {
            int comma = Math.max(line.lastIndexOf(','), line.lastIndexOf('，'));
            if (comma <= 0 || line.substring(comma + 1).isBlank()) {
                throw ProblemException.badRequest("DEDUCTION_INVALID", "固定扣款每行写“事项,金额（元）”，例如：未按期提交季度财务报告,2000。请核对：" + line);
            }
            Long fen = fen(line.substring(comma + 1), "固定扣款“" + line.substring(0, comma).strip() + "”的金额");
            if (fen <= 0) {
                throw ProblemException.badRequest("DEDUCTION_INVALID", "固定扣款的金额须大于0元。请核对：" + line);
            }
            out.add(new FixedDeduction(line.substring(0, comma).strip(), fen));
        }
        return out;
    }

    /** Fixed deductions as the textarea shows them again. */
    static String deductionLines(List<FixedDeduction> deductions) {
        StringBuilder text = new StringBuilder();
        deductions.forEach(d -> text.append(d.item()).append(',').append(BigDecimal.valueOf(d.amountFen(), 2).toPlainString()).append('\n'));
        return text.toString();
    }

    /**
     * A refusal the user can fix is shown on the form again with what they typed (a redirect would lose it); a 403 is
     * thrown on, never softened into a banner.
     */
    static String refusedOn(ProblemException refusal, Model model, Supplier<String> form) {
        if (refusal.status().value() == 403) {
            throw refusal;
        }
        model.addAttribute("error", refusal.getMessage());
        return form.get();
    }
}
