package cn.anju.maintenance;

import org.springframework.modulith.NamedInterface;

import java.math.BigDecimal;

/** What the operator records when a repair is done (完工): what was done, and its labour and material costs in yuan. */
@NamedInterface("actions")
public record Completion(String note, BigDecimal labourCost, BigDecimal materialCost) {
}
