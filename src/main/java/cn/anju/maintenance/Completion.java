package cn.anju.maintenance;

import java.math.BigDecimal;

/** What the operator records when a repair is done (完工): what was done, and its labour and material costs in yuan. */
public record Completion(String note, BigDecimal labourCost, BigDecimal materialCost) {
}
