package cn.anju.evaluation;

import cn.anju.shared.Money;
import cn.anju.shared.excel.SheetReader;
import cn.anju.shared.excel.SheetRow;
import cn.anju.shared.excel.Sheets;
import cn.anju.shared.web.ProblemException;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The platform's Excel template of an operator's financial report: one row per item (收入、四项服务的成本、在岗人数), a
 * second column with the amount in yuan or the number of people. Reading it back checks every item is there once,
 * amounts in yuan to the fen and not negative, staff a whole number.
 */
final class FinancialTemplate {

    static final String ITEM = "项目";
    static final String VALUE = "金额（元）或人数";
    static final List<String> ITEMS = List.of("合同收入", "入住和退出管理成本", "租金收缴和房屋使用管理成本", "维修养护成本", "综合管理成本",
            "在岗人数");

    private FinancialTemplate() {
    }

    static byte[] blank() {
        return Sheets.write("财务报告", List.of(ITEM, VALUE), ITEMS.stream().map(i -> List.<Object>of(i, "")).toList());
    }

    static FinancialReport.Figures read(byte[] workbook) {
        List<SheetRow> rows = SheetReader.read(workbook, List.of(ITEM, VALUE), "REPORT_TEMPLATE_INVALID", "财务报告表");
        Map<String, String> values = new HashMap<>();
        for (SheetRow r : rows) {
            String item = r.get(ITEM) == null ? "" : r.get(ITEM).strip();
            if (ITEMS.contains(item) && values.put(item, r.get(VALUE)) != null) {
                throw ProblemException.badRequest("REPORT_TEMPLATE_INVALID", "财务报告表中「" + item + "」出现了两次，请每项只填一行。");
            }
        }
        long[] fen = new long[5];
        for (int i = 0; i < 5; i++) {
            fen[i] = yuan(ITEMS.get(i), values.get(ITEMS.get(i)));
        }
        String staff = values.get(ITEMS.get(5));
        int people;
        try {
            people = Integer.parseInt(staff == null ? "" : staff.strip());
        } catch (NumberFormatException e) {
            people = -1;
        }
        if (people < 0) {
            throw ProblemException.badRequest("REPORT_VALUE_INVALID", "请在财务报告表「在岗人数」一行填写不小于0的整数。");
        }
        return new FinancialReport.Figures(fen[0], fen[1], fen[2], fen[3], fen[4], people);
    }

    private static long yuan(String item, String text) {
        try {
            return Money.typed(new BigDecimal(text == null ? "" : text.strip().replace(",", "")), Money.Sign.NOT_NEGATIVE)
                    .orElseThrow(NumberFormatException::new).amount().movePointRight(2).longValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            throw ProblemException.badRequest("REPORT_VALUE_INVALID", "请在财务报告表「" + item + "」一行填写金额（元，最多两位小数，不为负）。");
        }
    }
}
