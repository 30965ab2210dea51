package cn.anju.demo;

import cn.anju.housing.UnitStatus;
import cn.anju.inspection.CaseEvidence;
import cn.anju.inspection.CaseType;
import cn.anju.inspection.Decision;
import cn.anju.inspection.ViolationCases;
import cn.anju.lease.Handovers;
import cn.anju.rent.Dunning;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;

/**
 * Demo violation cases, made through the real steps: the households at six months' arrears reported by the rent
 * module's job, and in 榆阳 cases opened by the operator's clerk with photo evidence and taken by the district's
 * officer to each state — a draft, reported, under review, ordered to rectify, rectified, dismissed and closed, fined,
 * and two units reclaimed, one of them vacated by the household's move-out. One was decided a month ago with a
 * deadline that has passed, so the overdue list has an entry.
 */
@Component
@Profile("demo")
class DemoCases {

    private static final Logger log = LoggerFactory.getLogger(DemoCases.class);

    private static final String CLERK = "anju.staff";
    private static final String OFFICER = "yuyang.gov";

    private final DemoActs acts;
    private final ViolationCases cases;
    private final CaseEvidence evidence;
    private final Dunning dunning;
    private final Handovers handovers;

    DemoCases(DemoActs acts, ViolationCases cases, CaseEvidence evidence, Dunning dunning, Handovers handovers) {
        this.acts = acts;
        this.handovers = handovers;
        this.cases = cases;
        this.evidence = evidence;
        this.dunning = dunning;
    }

    private record Story(CaseType type, String facts, String evidence, String place, String step) {
    }

    private static final List<Story> STORIES = List.of(
            new Story(CaseType.SUBLET, "2026年11月巡查时邻居反映该户长期由他人居住；入户核查，实际居住人非承租家庭成员，自称每月向承租人支付房租800元。",
                    "实际居住人与房屋现场照片", "3栋2单元门口", "DRAFT"),
            new Story(CaseType.CHANGE_OF_USE, "该户将房屋改作快递分拣点，日间人员货物进出频繁，影响其他住户。", "房屋内堆放快递包裹照片", "1栋1单元", "REPORTED"),
            new Story(CaseType.DAMAGE, "该户擅自拆除厨房与客厅之间的隔墙，改变房屋原有结构。", "拆除隔墙现场照片", "2栋", "UNDER_REVIEW"),
            new Story(CaseType.DAMAGE, "该户擅自封闭阳台并加装防盗网，未经批准。", "阳台封闭照片", "5栋", "RECTIFY"),
            new Story(CaseType.DAMAGE, "该户在公共楼道堆放杂物并私接电线。", "楼道私接电线照片", "4栋3单元", "RECTIFY_OVERDUE"),
            new Story(CaseType.OTHER, "该户饲养大型犬只未拴绳，多次惊吓其他住户。", "楼道犬只照片", "6栋", "RECTIFIED"),
            new Story(CaseType.IDLE, "该户水电读数连续数月接近零，疑似闲置。", "水电表读数照片", "2栋1单元", "DISMISSED"),
            new Story(CaseType.CHANGE_OF_USE, "该户在房屋内开设棋牌室并收取费用。", "棋牌室现场照片", "7栋", "PENALTY"),
            new Story(CaseType.SUBLET, "该户将房屋整体转租他人，租客已居住半年，有租赁协议为证。", "转租协议照片", "8栋", "RECLAIM"),
            new Story(CaseType.SUBLET, "该户将房屋转借亲属居住，本人长期在外地。", "实际居住人照片", "9栋", "RECLAIM_VACATED"));

    /**
     * @param lets      the demo's leases
     * @param neverPaid the leases whose households paid nothing (reported for their arrears, not picked for a story)
     */
    void open(List<DemoLeases.Let> lets, Set<Long> neverPaid) {
        int arrears = dunning.reportArrears(); // the daily dunning job, today
        LocalDate today = acts.today();
        // occupied leases in 榆阳 without arrears, spread over the list
        List<Long> leases = lets.stream().filter(l -> l.district().equals("610802") && !l.movingOut() && !neverPaid.contains(l.lease()))
                .map(DemoLeases.Let::lease).sorted().skip(40).limit(STORIES.size()).toList();
        for (int i = 0; i < STORIES.size() && i < leases.size(); i++) {
            Story s = STORIES.get(i);
            // the overdue one was decided a month ago with a deadline five days past; the others today
            LocalDate day = s.step().equals("RECTIFY_OVERDUE") ? today.minusDays(30) : today;
            tell(s, i, leases.get(i), day, today);
        }
        log.info("Demo cases ready: {} arrears cases reported, {} cases opened in 榆阳", arrears, Math.min(STORIES.size(), leases.size()));
    }

    private void tell(Story s, int i, long lease, LocalDate day, LocalDate today) {
        Instant opened = acts.notAfterNow(acts.at(day, 9));
        long id = acts.at(opened, CLERK, clerk -> {
            long c = cases.open(clerk, new ViolationCases.Opening(lease, null, s.type(), s.facts(), ViolationCases.CaseSource.PATROL));
            evidence.add(clerk, c, new CaseEvidence.Item(s.evidence(), null, s.place(), new BigDecimal("38.2851").add(BigDecimal.valueOf(i, 4)),
                    new BigDecimal("109.7345"), "现场" + (i + 1) + ".png", photo(i)));
            return c;
        });
        if (s.step().equals("DRAFT")) {
            return;
        }
        acts.run(opened, CLERK, clerk -> cases.report(clerk, id, null));
        LocalDate rectifyBy = s.step().equals("RECTIFY_OVERDUE") ? today.minusDays(5) : today.plusDays(15);
        acts.run(opened, OFFICER, officer -> {
            switch (s.step()) {
                case "UNDER_REVIEW" -> cases.review(officer, id, null);
                case "RECTIFY", "RECTIFY_OVERDUE", "RECTIFIED" -> cases.decide(officer, id, null, new ViolationCases.DecisionRequest(
                        Decision.RECTIFY, "违反租赁合同约定，责令限期整改", rectifyBy, null));
                case "DISMISSED" -> cases.decide(officer, id, null, new ViolationCases.DecisionRequest(
                        Decision.DISMISSED, "经核实该户成员外出务工，有正当理由，不构成闲置", null, null));
                case "PENALTY" -> cases.decide(officer, id, null, new ViolationCases.DecisionRequest(
                        Decision.PENALTY, "利用公租房从事经营活动，依第三十五条处以罚款", null, new BigDecimal("1000.00")));
                case "RECLAIM", "RECLAIM_VACATED" -> cases.decide(officer, id, null, new ViolationCases.DecisionRequest(
                        Decision.RECLAIM, "转租、转借公租房，依第二十七条解除合同、收回住房", null, null));
                default -> { }
            }
        });
        if (s.step().equals("RECLAIM_VACATED")) {
            // the household left within its transition period: the move-out closes the case as VACATED
            acts.run(opened, CLERK, clerk -> handovers.moveOut(clerk, lease, new Handovers.MoveOut(2, new BigDecimal("9999"),
                    new BigDecimal("99999"), null, List.of(new Handovers.Fixture("入户门及门锁", Handovers.Condition.GOOD, "")), List.of(), "",
                    BigDecimal.ZERO, UnitStatus.VACANT)));
        }
        if (s.step().equals("RECTIFIED")) {
            acts.run(opened, CLERK, clerk -> cases.rectified(clerk, id, null, "复查：犬只已送养，楼道已清理"));
        }
    }

    /** A small picture standing in for a site photo. */
    static byte[] photo(int seed) {
        BufferedImage image = new BufferedImage(160, 120, BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        g.setColor(new Color(90 + seed * 17 % 120, 120, 140));
        g.fillRect(0, 0, 160, 120);
        g.setColor(Color.WHITE);
        g.fillRect(20 + seed * 9, 30, 50, 40);
        g.dispose();
        var out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
