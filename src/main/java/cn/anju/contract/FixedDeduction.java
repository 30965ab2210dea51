package cn.anju.contract;

import cn.anju.shared.web.ProblemException;

/** A deduction the contract fixes in advance (e.g. 未按期提交财务报告 每次扣 2000 元), applied by the settlement with evidence. */
public record FixedDeduction(String item, long amountFen) {

    public FixedDeduction {
        if (item == null || item.isBlank() || amountFen <= 0) {
            throw ProblemException.badRequest("DEDUCTION_INVALID", "固定扣款须写明事项和大于0的金额。");
        }
    }
}
