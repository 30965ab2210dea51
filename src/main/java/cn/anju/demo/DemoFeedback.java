package cn.anju.demo;

import cn.anju.feedback.Channel;
import cn.anju.feedback.FeedbackCategory;
import cn.anju.feedback.FeedbackHandling;
import cn.anju.feedback.FeedbackIntake;
import cn.anju.feedback.FeedbackKind;
import cn.anju.feedback.FeedbackSupervision;
import cn.anju.feedback.FollowUps;
import cn.anju.feedback.Inbound;
import cn.anju.identity.CurrentUser;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Consumer;

/**
 * Three months of complaints and suggestions through the real steps, from every channel and in every state: most
 * answered and closed with the tenant's own rating (some after a reopening, two unreached, one rejected, praise closed
 * at once); today's desk holds fresh and overdue cases, one paused, one supervised by the district, one escalated after
 * three dissatisfied answers, 12345 hand-offs (one still in the district's queue), an anonymous call and messages from
 * WeChat, Weibo and e-mail that no household matches.
 */
@Component
@Profile("demo")
class DemoFeedback {

    /** What happens to a case after it comes in. */
    enum Outcome { SATISFIED, REOPENED_ONCE, UNREACHED, REJECTED, PRAISE, ESCALATED, REPLIED, IN_PROGRESS, PAUSED, SUPERVISED, ASSIGNED,
        ACCEPTED, RECEIVED }

    private static final String[][] TOPICS = {
            {"REPAIR", "单元门禁坏了好几天，进出很不方便"}, {"ENVIRONMENT_SAFETY", "楼道堆放杂物，存在消防隐患"},
            {"RENT", "本月租金账单金额与合同不符，请核实"}, {"STAFF", "物业人员态度生硬，希望改进"},
            {"MOVE_IN_OUT", "办理退租验房需要准备哪些材料"}, {"PATROL_VIOLATION", "楼上住户疑似转租给他人居住"},
            {"REPAIR", "电梯经常停运，老人上下楼困难"}, {"OTHER", "建议在小区增设电动车充电桩"}};

    private final DemoActs acts;
    private final FeedbackIntake intake;
    private final FeedbackHandling handling;
    private final FollowUps followUps;
    private final FeedbackSupervision supervision;

    DemoFeedback(DemoActs acts, FeedbackIntake intake, FeedbackHandling handling, FollowUps followUps, FeedbackSupervision supervision) {
        this.acts = acts;
        this.intake = intake;
        this.handling = handling;
        this.followUps = followUps;
        this.supervision = supervision;
    }

    /** One case of the plan: who, from where, how long ago, and how it went. */
    private record Plan(Channel channel, DemoLeases.Let home, int daysAgo, Outcome outcome) {
    }

    /** Makes the cases; returns how many. */
    int make(List<DemoLeases.Let> lets) {
        List<DemoLeases.Let> housed = lets.stream().filter(l -> !l.movingOut()).toList();
        Channel[] staff = {Channel.HOTLINE, Channel.COUNTER, Channel.HOTLINE};
        Outcome[] past = {Outcome.SATISFIED, Outcome.SATISFIED, Outcome.SATISFIED, Outcome.REOPENED_ONCE, Outcome.SATISFIED, Outcome.UNREACHED,
                Outcome.SATISFIED, Outcome.REJECTED, Outcome.SATISFIED, Outcome.PRAISE};
        int n = 0;
        for (int i = 0; i < 24; i++) {
            run(new Plan(staff[i % 3], housed.get((i * 7) % housed.size()), 88 - i * 3, past[i % past.length]), i);
            n++;
        }
        Outcome[] open = {Outcome.ESCALATED, Outcome.SUPERVISED, Outcome.REPLIED, Outcome.REPLIED, Outcome.IN_PROGRESS, Outcome.PAUSED,
                Outcome.ASSIGNED, Outcome.ACCEPTED, Outcome.RECEIVED, Outcome.RECEIVED};
        int[] ago = {24, 12, 3, 2, 4, 6, 1, 1, 5, 0};
        for (int i = 0; i < open.length; i++) {
            run(new Plan(staff[i % 3], housed.get((i * 11 + 3) % housed.size()), ago[i], open[i]), 100 + i);
            n++;
        }
        return n + outside(housed);
    }

    /** Channels from outside: 12345 hand-offs placed by the district (one still waiting), and unmatched messages. */
    private int outside(List<DemoLeases.Let> housed) {
        DemoLeases.Let yuyang = housed.stream().filter(l -> l.district().equals("610802")).findFirst().orElseThrow();
        LocalDate today = acts.today();
        for (int i = 0; i < 3; i++) {
            LocalDate day = today.minusDays(new int[] {40, 6, 1}[i]);
            Instant at = when(day, 10);
            int n = i;
            long id = DemoClock.asOf(at, () -> intake.receive(new Inbound(Channel.CITY_12345, "12345-" + day + "-" + n, at.atOffset(ZoneOffset.UTC),
                    null, "（12345转办）反映小区" + new String[] {"路灯不亮", "垃圾清运不及时", "外墙瓷砖脱落"}[n], List.of(),
                    at.plusSeconds(86_400L * 4).atOffset(ZoneOffset.UTC), null, null, null, "610802", true))).id();
            if (i == 2) {
                continue; // still in the district's queue
            }
            step(day, 15, "yuyang.gov", u -> handling.place(u, id, yuyang.project()));
            step(day, 16, "anju.service", u -> handling.accept(u, id, FeedbackKind.COMPLAINT, FeedbackCategory.ENVIRONMENT_SAFETY));
            step(day.plusDays(1), 9, "anju.service", u -> handling.assign(u, id, u.id()));
            step(day.plusDays(1), 10, "anju.service", u -> handling.start(u, id));
            if (i == 0) {
                step(day.plusDays(2), 16, "anju.service", u -> {
                    handling.reply(u, id, "已于当日修复并巡查确认。");
                    followUps.recordCall(u, id, true, FollowUps.Answer.SATISFIED, "电话回访");
                });
            }
        }
        String[][] messages = {{"WECHAT", "oDemo-openid-001", "公众号留言：小区快递柜经常满，能否增加"},
                {"WEIBO", "6012345678", "@榆林住房保障 公租房小区门口积水严重"}, {"EMAIL", "resident@example.com", "主题：关于公租房申请进度的咨询\n\n请问审核需要多久？"}};
        Instant call = when(today.minusDays(2), 11);
        acts.run(call, "anju.service", u -> intake.receive(u, new Inbound(Channel.HOTLINE, "demo-anonymous", call.atOffset(ZoneOffset.UTC), null,
                "匿名来电：反映某公租房小区夜间有人大声喧哗", List.of(), null, FeedbackKind.COMPLAINT, FeedbackCategory.ENVIRONMENT_SAFETY, null, null,
                true)));
        for (String[] m : messages) {
            Instant at = when(today.minusDays(1), 20);
            DemoClock.asOf(at, () -> intake.receive(Inbound.of(Channel.valueOf(m[0]), "demo-" + m[0], at.atOffset(ZoneOffset.ofHours(8)), m[1], m[2],
                    List.of())));
        }
        return 4 + messages.length;
    }

    private void run(Plan p, int seq) {
        String clerk = p.home().district().equals("610881") ? "shenmu.op" : "anju.service";
        LocalDate day = acts.today().minusDays(p.daysAgo());
        String[] topic = TOPICS[seq % TOPICS.length];
        FeedbackKind kind = p.outcome() == Outcome.PRAISE ? FeedbackKind.PRAISE : topic[1].startsWith("建议") ? FeedbackKind.SUGGESTION
                : topic[1].contains("哪些") ? FeedbackKind.INQUIRY : FeedbackKind.COMPLAINT;
        String text = p.outcome() == Outcome.PRAISE ? "维修师傅上门及时、服务热情，特此表扬" : topic[1];
        Instant received = when(day, 9);
        long id = acts.at(received, clerk, u -> intake.receive(u, new Inbound(p.channel(), "demo-" + seq, received.atOffset(ZoneOffset.UTC),
                null, text, List.of(), null, kind,
                FeedbackCategory.valueOf(topic[0]), p.home().household(), null, false)).id());
        if (p.outcome() == Outcome.RECEIVED) {
            return;
        }
        if (p.outcome() == Outcome.REJECTED) {
            acts.run(acts.at(day, 14), clerk, u -> handling.reject(u, id, "反映的房屋为私人出租房屋，不属于公租房，请向房屋所在街道办事处反映。"));
            return;
        }
        step(day, 14, clerk, u -> handling.accept(u, id, kind, FeedbackCategory.valueOf(topic[0])));
        if (p.outcome() == Outcome.PRAISE || p.outcome() == Outcome.ACCEPTED) {
            return;
        }
        step(day.plusDays(p.daysAgo() > 0 ? 1 : 0), 9, clerk, u -> handling.assign(u, id, u.id()));
        if (p.outcome() == Outcome.ASSIGNED) {
            return;
        }
        step(day.plusDays(p.daysAgo() > 0 ? 1 : 0), 10, clerk, u -> handling.start(u, id));
        if (p.outcome() == Outcome.PAUSED) {
            step(day.plusDays(2), 11, clerk, u -> supervision.pause(u, id, "等待住户提供相关照片"));
            return;
        }
        if (p.outcome() == Outcome.SUPERVISED) {
            step(day.plusDays(8), 9, officer(p), u -> supervision.supervise(u, id, acts.today().plusDays(3), "请尽快处理并答复住户"));
            return;
        }
        if (p.outcome() == Outcome.IN_PROGRESS) {
            return;
        }
        int rounds = p.outcome() == Outcome.ESCALATED ? 3 : p.outcome() == Outcome.REOPENED_ONCE ? 2 : 1;
        for (int r = 0; r < rounds; r++) {
            LocalDate replyDay = day.plusDays(2 + r * 2L);
            String reply = "您反映的问题已安排专人处理（第" + (r + 1) + "次答复）。";
            String token = acts.at(when(replyDay, 16), clerk, u -> handling.reply(u, id, reply));
            if (p.outcome() == Outcome.REPLIED) {
                return;
            }
            if (p.outcome() == Outcome.UNREACHED) {
                for (int t = 0; t < 3; t++) {
                    step(replyDay.plusDays(1 + t), 10, clerk, u -> followUps.recordCall(u, id, false, null, "无人接听"));
                }
                return;
            }
            boolean last = r == rounds - 1;
            FollowUps.Answer answer = last && p.outcome() != Outcome.ESCALATED ? (seq % 4 == 0 ? FollowUps.Answer.BASICALLY_SATISFIED
                    : FollowUps.Answer.SATISFIED) : FollowUps.Answer.DISSATISFIED;
            DemoClock.asOf(when(replyDay.plusDays(1), 19), () -> {
                followUps.answerByLink(token, answer, answer == FollowUps.Answer.DISSATISFIED ? "问题还没有解决" : null);
                return null;
            });
            if (!last || p.outcome() == Outcome.ESCALATED && r < 2) {
                step(replyDay.plusDays(1), 20, clerk, u -> handling.start(u, id));
            }
        }
    }

    private static String officer(Plan p) {
        return switch (p.home().district()) {
            case "610802" -> "yuyang.gov";
            case "610803" -> "hengshan.gov";
            default -> "shenmu.gov";
        };
    }

    private void step(LocalDate day, int hour, String who, Consumer<CurrentUser> action) {
        acts.run(when(day, hour), who, action);
    }

    /** The hour of the day, or now if that is still to come: a step of the plan never happens in the future. */
    private Instant when(LocalDate day, int hour) {
        return acts.notAfterNow(acts.at(day, hour));
    }
}
