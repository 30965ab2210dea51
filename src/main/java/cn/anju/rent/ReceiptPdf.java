package cn.anju.rent;

import cn.anju.household.HouseholdQueries;
import cn.anju.housing.HousingStock;
import cn.anju.lease.LeaseQueries;
import cn.anju.shared.Districts;
import cn.anju.shared.Money;
import cn.anju.shared.pdf.ChineseFont;
import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The rent receipt (租金收款收据) as the counter prints it: receipt number, payer (head's name, masked ID), lease and
 * unit, the amount in figures and in Chinese capitals, what it paid (bill periods), channel, cashier, and the
 * official fiscal e-receipt number (财政电子票据号) once the finance platform issued it.
 */
@Component
class ReceiptPdf {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final JdbcClient jdbc;
    private final ChineseFont font;
    private final HousingStock housing;
    private final HouseholdQueries households;
    private final Districts districts;
    private final FiscalReceipts fiscal;
    private final ZoneId zone;

    ReceiptPdf(JdbcClient jdbc, ChineseFont font, HousingStock housing, HouseholdQueries households, Districts districts,
               FiscalReceipts fiscal, Clock clock) {
        this.zone = clock.getZone();
        this.jdbc = jdbc;
        this.font = font;
        this.housing = housing;
        this.households = households;
        this.districts = districts;
        this.fiscal = fiscal;
    }

    byte[] render(long paymentId, LeaseQueries.LeaseRow lease) {
        record Pay(String receipt, String channel, BigDecimal amount, String reference, OffsetDateTime at, String cashier,
                   Long reverses, String reason) {
        }
        Pay p = jdbc.sql("""
                        select p.receipt_number, p.channel, p.amount, p.reference, p.received_at, coalesce(u.display_name, '线上支付'),
                               p.reverses_payment_id, p.reversal_reason
                          from payment p left join staff_name u on u.user_id = p.recorded_by where p.id = ?""")
                .param(paymentId)
                .query((rs, n) -> new Pay(rs.getString(1), rs.getString(2), rs.getBigDecimal(3), rs.getString(4),
                        rs.getObject(5, OffsetDateTime.class), rs.getString(6), (Long) rs.getObject(7), rs.getString(8)))
                .single();
        record Line(String what, BigDecimal amount) {
        }
        List<Line> lines = jdbc.sql("""
                        select case when a.bill_id is null then '预存（余额）'
                                    else (case b.charge_type when 'RENT' then '租金' when 'RENT_MARKET' then '租金（市场租金）' else b.charge_type end)
                                         || ' ' || b.period_start || '至' || b.period_end end, sum(a.amount)
                          from payment_allocation a left join bill b on b.id = a.bill_id
                         where a.payment_id = ? group by 1 having sum(a.amount) <> 0 order by 1""")
                .param(paymentId).query((rs, n) -> new Line(rs.getString(1), rs.getBigDecimal(2))).list();
        HousingStock.UnitDescription unit = housing.describe(lease.unitId());
        HouseholdQueries.Head head = households.head(lease.householdId());
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            BaseFont base = font.base();
            Font title = new Font(base, 16, Font.BOLD);
            Font text = new Font(base, 10.5f);
            Document doc = new Document(new Rectangle(595, 420), 40, 40, 36, 36); // A5 landscape, as counter printers use
            PdfWriter.getInstance(doc, out);
            doc.addTitle("租金收款收据 " + p.receipt());
            doc.open();
            Paragraph t = new Paragraph(p.reverses() == null ? "公共租赁住房租金收款收据" : "公共租赁住房租金冲正凭证", title);
            t.setAlignment(Element.ALIGN_CENTER);
            doc.add(t);
            Paragraph no = new Paragraph("收据编号：" + p.receipt() + "　　财政电子票据号：" + pendingIfNone(fiscal.numberOf(paymentId)), text);
            no.setAlignment(Element.ALIGN_RIGHT);
            doc.add(no);
            PdfPTable table = new PdfPTable(new float[]{1.2f, 3f, 1.2f, 3f});
            table.setWidthPercentage(100);
            table.setSpacingBefore(6);
            cell(table, "缴款人", text);
            cell(table, head.name() + "（" + head.maskedIdNumber() + "）", text);
            cell(table, "合同编号", text);
            cell(table, lease.leaseNumber(), text);
            cell(table, "房屋", text);
            cell(table, districts.nameOf(unit.districtCode()) + unit.label(), text);
            cell(table, "收款方式", text);
            cell(table, channel(p.channel()) + (p.reference().isBlank() ? "" : "（" + p.reference() + "）"), text);
            for (Line l : lines) {
                cell(table, "款项", text);
                cell(table, l.what(), text);
                cell(table, "金额", text);
                cell(table, "¥" + l.amount().toPlainString(), text);
            }
            cell(table, "合计（小写）", text);
            cell(table, new Money(p.amount()).formatted(), text);
            cell(table, "合计（大写）", text);
            cell(table, "人民币" + new Money(p.amount()).chineseCapitals(), text);
            doc.add(table);
            if (p.reason() != null) {
                doc.add(new Paragraph("冲正原因：" + p.reason(), text));
            }
            doc.add(new Paragraph("收款时间：" + TIME.format(p.at().atZoneSameInstant(zone))
                    + "　　收款人：" + p.cashier() + "　　租金属政府非税收入，按规定缴入国库。", text));
            doc.close();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String pendingIfNone(String s) {
        return s.isBlank() ? "（待开具）" : s;
    }

    private static String channel(String c) {
        return switch (c) {
            case "CASH" -> "现金";
            case "POS" -> "POS刷卡";
            case "BANK_TRANSFER" -> "银行转账";
            case "ONLINE" -> "线上支付";
            default -> "押金抵扣";
        };
    }

    private static void cell(PdfPTable table, String value, Font font) {
        PdfPCell cell = new PdfPCell(new Paragraph(value, font));
        cell.setPadding(4);
        table.addCell(cell);
    }
}
