package cn.anju.rent;

import cn.anju.household.HouseholdQueries;
import cn.anju.housing.HousingStock;
import cn.anju.identity.CurrentUser;
import cn.anju.lease.LeaseQueries;
import cn.anju.shared.Districts;
import cn.anju.shared.Money;
import cn.anju.shared.Role;
import cn.anju.shared.pdf.ChineseFont;
import cn.anju.shared.web.ProblemException;
import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import org.springframework.stereotype.Component;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** The printable 催缴通知书: the household's overdue bills, late fees accrued, a deadline, and what six months means. */
@Component
public class DunningLetter {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");

    private final RentQueries queries;
    private final ChineseFont font;
    private final HousingStock housing;
    private final HouseholdQueries households;
    private final Districts districts;
    private final Clock clock;

    DunningLetter(RentQueries queries, ChineseFont font, HousingStock housing, HouseholdQueries households, Districts districts, Clock clock) {
        this.queries = queries;
        this.font = font;
        this.housing = housing;
        this.households = households;
        this.districts = districts;
        this.clock = clock;
    }

    public record Printed(String leaseNumber, byte[] pdf) {
    }

    public Printed print(CurrentUser user, long leaseId) {
        RentQueries.Account a = queries.account(user, leaseId);
        if (!user.hasAny(Role.OPERATOR_MANAGER, Role.OPERATOR_STAFF, Role.GOV_ADMIN,
                Role.GOV_OFFICER)) {
            throw ProblemException.forbidden("DUNNING_LETTER_FORBIDDEN", "催缴通知书由承接主体或住房保障部门出具。");
        }
        LocalDate today = LocalDate.now(clock);
        List<RentLedger.BillRow> overdue = a.bills().stream().filter(b -> b.outstanding().signum() > 0 && b.dueDate().isBefore(today)).toList();
        HousingStock.UnitDescription unit = housing.describe(a.lease().unitId());
        HouseholdQueries.Head head = households.head(a.lease().householdId());
        BigDecimal total = a.arrears().add(a.lateFeeAccrued());
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            BaseFont base = font.base();
            Font title = new Font(base, 18, Font.BOLD);
            Font text = new Font(base, 11);
            Document doc = new Document(PageSize.A4, 60, 60, 60, 60);
            PdfWriter.getInstance(doc, out);
            doc.addTitle("催缴通知书 " + a.lease().leaseNumber());
            doc.open();
            Paragraph t = new Paragraph("公共租赁住房租金催缴通知书", title);
            t.setAlignment(Element.ALIGN_CENTER);
            doc.add(t);
            doc.add(new Paragraph(" ", text));
            doc.add(new Paragraph(head.name() + "（身份证号 " + head.maskedIdNumber() + "）：", text));
            doc.add(new Paragraph("　　您承租的" + districts.nameOf(unit.districtCode()) + unit.label() + "（租赁合同 " + a.lease().leaseNumber()
                    + "），截至" + DATE.format(today) + "尚有以下租金逾期未缴：", text));
            PdfPTable table = new PdfPTable(new float[]{3f, 2f, 2f});
            table.setWidthPercentage(100);
            table.setSpacingBefore(6);
            table.setSpacingAfter(6);
            for (String h : List.of("账期", "应缴日", "欠缴金额")) {
                cell(table, h, text);
            }
            for (RentLedger.BillRow b : overdue) {
                cell(table, b.periodStart() + " 至 " + b.periodEnd(), text);
                cell(table, b.dueDate().toString(), text);
                cell(table, "¥" + b.outstanding().toPlainString(), text);
            }
            doc.add(table);
            doc.add(new Paragraph("　　欠缴租金合计 ¥" + a.arrears().toPlainString() + "，另计滞纳金 ¥" + a.lateFeeAccrued().toPlainString()
                    + "，共计人民币" + new Money(total).chineseCapitals() + "（¥" + total.toPlainString() + "）。", text));
            doc.add(new Paragraph("　　请于" + DATE.format(today.plusDays(15)) + "前到运营单位收费台或通过“我的租金”缴清。依据《公共租赁住房管理办法》"
                    + "第二十九条，累计6个月以上拖欠租金的，应当腾退所承租的公共租赁住房。", text));
            doc.add(new Paragraph(" ", text));
            Paragraph sign = new Paragraph("运营单位（盖章）　　　　" + DATE.format(today), text);
            sign.setAlignment(Element.ALIGN_RIGHT);
            doc.add(sign);
            doc.close();
            return new Printed(a.lease().leaseNumber(), out.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void cell(PdfPTable table, String value, Font font) {
        PdfPCell c = new PdfPCell(new Paragraph(value, font));
        c.setPadding(4);
        table.addCell(c);
    }
}
