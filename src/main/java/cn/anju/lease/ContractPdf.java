package cn.anju.lease;

import cn.anju.household.HouseholdQueries;
import cn.anju.housing.HousingStock;
import cn.anju.shared.Districts;
import cn.anju.shared.Money;
import cn.anju.shared.pdf.ChineseFont;
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
import java.math.RoundingMode;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The printable lease (公共租赁住房租赁合同) in Chinese. The font (WenQuanYi Micro Hei, Apache-2.0) ships inside the
 * application and is embedded in every PDF, so a contract renders on a server without CJK fonts and its text can be
 * extracted (pdftotext, search, archiving).
 */
@Component
class ContractPdf {

    static final List<String> PROHIBITED = List.of(
            "转借、转租或者擅自调换所承租的公共租赁住房；",
            "改变所承租公共租赁住房的用途；",
            "破坏或者擅自装修所承租的公共租赁住房，拒不恢复原状；",
            "在公共租赁住房内从事违法活动；",
            "无正当理由连续6个月以上闲置公共租赁住房；",
            "累计6个月以上拖欠租金。");

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");
    private final ChineseFont font;
    private final HousingStock housing;
    private final HouseholdQueries households;
    private final Districts districts;

    ContractPdf(ChineseFont font, HousingStock housing, HouseholdQueries households, Districts districts) {
        this.font = font;
        this.housing = housing;
        this.households = households;
        this.districts = districts;
    }

    byte[] render(LeaseQueries.LeaseRow lease) {
        HousingStock.UnitDescription unit = housing.describe(lease.unitId());
        HouseholdQueries.Head head = households.head(lease.householdId());
        String district = districts.nameOf(unit.districtCode());
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            BaseFont base = font.base();
            Font title = new Font(base, 18, Font.BOLD);
            Font heading = new Font(base, 12, Font.BOLD);
            Font text = new Font(base, 10.5f);
            Document doc = new Document(PageSize.A4, 56, 56, 56, 56);
            PdfWriter.getInstance(doc, out);
            doc.addTitle("公共租赁住房租赁合同 " + lease.leaseNumber());
            doc.open();
            Paragraph t = new Paragraph("公共租赁住房租赁合同", title);
            t.setAlignment(Element.ALIGN_CENTER);
            doc.add(t);
            Paragraph no = new Paragraph("合同编号：" + lease.leaseNumber(), text);
            no.setAlignment(Element.ALIGN_RIGHT);
            doc.add(no);
            doc.add(new Paragraph(" ", text));
            doc.add(new Paragraph("出租人（甲方）：" + district + "住房保障中心", text));
            doc.add(new Paragraph("承租人（乙方）：" + head.name() + "　　身份证号：" + head.maskedIdNumber()
                    + "　　家庭人口：" + head.members() + "人", text));
            doc.add(new Paragraph(" ", text));
            doc.add(new Paragraph("第一条　房屋情况", heading));
            PdfPTable table = new PdfPTable(4);
            table.setWidthPercentage(100);
            table.setSpacingBefore(4);
            table.setSpacingAfter(6);
            cell(table, "项目", text);
            cell(table, unit.projectName(), text);
            cell(table, "地址", text);
            cell(table, unit.address(), text);
            cell(table, "房号", text);
            cell(table, unit.place() + "（" + unit.floor() + "层）", text);
            cell(table, "户型", text);
            cell(table, unit.layout(), text);
            cell(table, "建筑面积", text);
            cell(table, area(unit.buildingArea()), text);
            cell(table, "使用面积", text);
            cell(table, area(unit.usableArea()), text);
            cell(table, "计租面积", text);
            cell(table, area(unit.rentArea()), text);
            cell(table, "租金档次", text);
            cell(table, tier(lease.rentTier()), text);
            doc.add(table);
            doc.add(new Paragraph("第二条　租赁期限", heading));
            doc.add(new Paragraph("自" + DATE.format(lease.startDate()) + "起至" + DATE.format(lease.endDate())
                    + "止。租赁期满需要续租的，乙方应在期满前3个月提出申请，经审核符合条件的续签合同。", text));
            doc.add(new Paragraph("第三条　租金与押金", heading));
            doc.add(new Paragraph("月租金人民币" + money(lease.monthlyRent()) + "元，按期缴纳；租金按规定缴入国库，实行收支两条线管理。"
                    + "押金人民币" + money(lease.deposit()) + "元，合同终止、房屋交回并结清费用后退还。", text));
            doc.add(new Paragraph("第四条　乙方不得有下列行为", heading));
            for (int i = 0; i < PROHIBITED.size(); i++) {
                doc.add(new Paragraph("（" + "一二三四五六".charAt(i) + "）" + PROHIBITED.get(i), text));
            }
            doc.add(new Paragraph("乙方有上述行为之一的，甲方依法解除合同、收回房屋，并按规定处理。", text));
            doc.add(new Paragraph("第五条　其他", heading));
            doc.add(new Paragraph("乙方应爱护并合理使用房屋及共用设施设备，按时缴纳租金及相关费用，配合住户信息核查与房屋巡查。"
                    + "本合同自双方签字（盖章）之日起生效，一式三份，甲乙双方及运营管理单位各执一份，并于签订后30日内备案。", text));
            doc.add(new Paragraph(" ", text));
            doc.add(new Paragraph(" ", text));
            PdfPTable signatures = new PdfPTable(2);
            signatures.setWidthPercentage(100);
            cell(signatures, "甲方（盖章）：\n\n\n日期：　　年　　月　　日", text);
            cell(signatures, "乙方（签字）：\n\n\n日期：　　年　　月　　日", text);
            doc.add(signatures);
            doc.close();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void cell(PdfPTable table, String value, Font font) {
        PdfPCell cell = new PdfPCell(new Paragraph(value, font));
        cell.setPadding(5);
        table.addCell(cell);
    }

    private static String area(BigDecimal m2) {
        return m2.setScale(2, RoundingMode.HALF_UP).toPlainString() + "平方米";
    }

    private static String money(BigDecimal yuan) {
        return new Money(yuan).grouped();
    }

    private static String tier(String tier) {
        return switch (tier) {
            case "MARKET" -> "市场租金";
            case "REDUCED" -> "减免租金";
            case "MINIMUM" -> "最低租金";
            default -> "标准租金";
        };
    }
}
