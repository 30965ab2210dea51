package cn.anju.feedback;

import cn.anju.shared.measure.MeasureSql;
import cn.anju.shared.measure.RecordKind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Clock;

/**
 * The feedback module's rates (see {@link FeedbackMeasures}): each selects its denominator's cases with a flag for the
 * numerator, so anyone can recompute the figure from the listed cases.
 */
final class FeedbackRates {

    private FeedbackRates() {
    }

    private static final String IN_SCOPE = "(f.district_code = any(?) or f.project_id = any(?)) and f.parent_id is null";

    /** Replied by the day of our reply deadline and, for a 12345 case, by the hotline's own deadline: the earlier governs. */
    private static String repliedInTime(Clock clock) {
        return MeasureSql.cityDay("f.replied_at", clock) + " <= f.reply_due_on"
                + " and (f.external_deadline is null or f.replied_at <= f.external_deadline)";
    }

    @Component
    static class AckOnTime extends FeedbackMeasures.CaseRatio {
        AckOnTime(JdbcClient jdbc, Clock clock) {
            super(jdbc, clock, FeedbackMeasures.ratio("COMPLAINT_ACK_ON_TIME_RATE", "投诉建议受理及时率", "Acknowledged on time",
                    "统计期内受理或不予受理（按办理时间）的案件中，在受理时限（收到后1个工作日，按工作日历）内办理的案件数 ÷ 案件数。"),
                    "select f.id, f.case_number, " + MeasureSql.cityDay("coalesce(f.acknowledged_at, f.closed_at)", clock)
                            + " <= f.ack_due_on from feedback_case f where "
                            + IN_SCOPE + " and coalesce(f.acknowledged_at, f.closed_at) >= ? and coalesce(f.acknowledged_at, f.closed_at) < ?"
                            + " order by f.id");
        }
    }

    @Component
    static class ReplyOnTime extends FeedbackMeasures.CaseRatio {
        ReplyOnTime(JdbcClient jdbc, Clock clock) {
            super(jdbc, clock, FeedbackMeasures.ratio("COMPLAINT_REPLY_ON_TIME_RATE", "投诉建议答复及时率", "Replied on time",
                    "统计期内答复（按答复时间，重新办理的按最后一次答复）的案件中，在答复时限内答复的案件数 ÷ 答复案件数。"
                            + "时限按诉求类型计工作日（投诉、求助5日，咨询2日，建议10日），暂停计时的顺延，12345转办件取两者中较早的期限。"),
                    "select f.id, f.case_number, " + repliedInTime(clock) + " from feedback_case f where " + IN_SCOPE
                            + " and f.replied_at >= ? and f.replied_at < ? and f.reply_due_on is not null order by f.id");
        }
    }

    @Component
    static class Satisfaction extends FeedbackMeasures.CaseRatio {
        Satisfaction(JdbcClient jdbc, Clock clock) {
            super(jdbc, clock, FeedbackMeasures.ratio("COMPLAINT_SATISFACTION_RATE", "投诉建议办理满意率", "Complainant satisfaction",
                    "统计期内（按评价时间）住户本人通过评价链接或住户页面所作的评价，以及区县回访抽查的评价中，“满意”和“基本满意”的件数 ÷ 评价件数。"
                            + "运营方电话回访录入的评价、匿名件和回访未果件不计入。"), RecordKind.FEEDBACK_FOLLOW_UP,
                    // each answer is a record (a case answered again after reopening, or also sampled, has several)
                    "select u.id, f.case_number || '（' || case u.source when 'TENANT' then '住户' else '抽查' end || '）', u.answer <> 'DISSATISFIED'"
                            + " from feedback_follow_up u join feedback_case f on f.id = u.case_id where " + IN_SCOPE
                            + " and not f.anonymous and f.closing is distinct from 'UNREACHED'"
                            + " and u.source in ('TENANT', 'DISTRICT_SAMPLE') and u.answer is not null and u.at >= ? and u.at < ? order by u.id");
        }
    }

    @Component
    static class ReopenRate extends FeedbackMeasures.CaseRatio {
        ReopenRate(JdbcClient jdbc, Clock clock) {
            super(jdbc, clock, FeedbackMeasures.ratio("COMPLAINT_REOPEN_RATE", "投诉建议重办率", "Reopened after dissatisfaction",
                    "统计期内经答复后办结（按办结时间，含回访未果）的案件中，因住户不满意而重新办理过的案件数 ÷ 办结案件数。"),
                    "select f.id, f.case_number, f.reopen_count > 0 from feedback_case f where " + IN_SCOPE
                            + " and f.closing in ('FOLLOWED_UP', 'UNREACHED') and f.closed_at >= ? and f.closed_at < ? order by f.id");
        }
    }

    @Component
    static class City12345OnTime extends FeedbackMeasures.CaseRatio {
        City12345OnTime(JdbcClient jdbc, Clock clock) {
            super(jdbc, clock, FeedbackMeasures.ratio("CITY_12345_ON_TIME_RATE", "12345转办件按期办结率", "12345 hand-offs on time",
                    "统计期内答复（按答复时间）的12345转办件中，在12345规定期限和本平台答复时限中较早者之前答复的件数 ÷ 答复件数。"),
                    "select f.id, f.case_number, " + repliedInTime(clock) + " from feedback_case f where " + IN_SCOPE
                            + " and f.channel = 'CITY_12345' and f.replied_at >= ? and f.replied_at < ? order by f.id");
        }
    }

    @Component
    static class Unreached extends FeedbackMeasures.CaseRatio {
        Unreached(JdbcClient jdbc, Clock clock) {
            super(jdbc, clock, FeedbackMeasures.ratio("COMPLAINT_UNREACHED_RATE", "回访未果率", "Follow-up unreached",
                    "统计期内经答复后办结（按办结时间）的案件中，三次回访未接通而以回访未果办结的案件数 ÷ 办结案件数。"),
                    "select f.id, f.case_number, f.closing = 'UNREACHED' from feedback_case f where " + IN_SCOPE
                            + " and f.closing in ('FOLLOWED_UP', 'UNREACHED') and f.closed_at >= ? and f.closed_at < ? order by f.id");
        }
    }
}
