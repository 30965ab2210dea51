package cn.anju.feedback;

import cn.anju.shared.calendar.WorkingDays;
import cn.anju.shared.measure.MeasurePeriod;
import cn.anju.shared.measure.MeasureRecord;
import cn.anju.shared.measure.MeasureScope;
import cn.anju.shared.measure.MeasureValue;
import cn.anju.shared.measure.Measures;
import cn.anju.support.MeasureChecks;
import cn.anju.support.PlatformTest;
import cn.anju.support.TestClock;
import cn.anju.support.WebClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The feedback module's measures on the demo data (its three months of cases, 2 districts), each recomputed from the
 * tables by the test's own SQL from the written definitions: a case counts in its district, a duplicate joined to its
 * parent not again; the clocks are working days by the State Council's calendar, a deadline a day in the city's zone.
 */
@PlatformTest
class FeedbackMeasuresTest {

    static final String[] DISTRICTS = {"610802", "610881"};
    /** The cases of the scope, by the test's own reading. */
    static final String OURS = "f.district_code in ('610802', '610881') and f.parent_id is null";
    /** The reply clock by kind (投诉、求助 5 working days, 咨询 2, 建议 10; 表扬 none). */
    static final Map<String, Integer> REPLY_DAYS = Map.of("COMPLAINT", 5, "HELP", 5, "INQUIRY", 2, "SUGGESTION", 10);

    @LocalServerPort
    int port;
    @Autowired
    Measures measures;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    WorkingDays workingDays;

    final LocalDate today = TestClock.today();
    final MeasurePeriod.Range period = new MeasurePeriod.Range(today.minusDays(90), today);

    MeasureValue compute(String code) {
        return measures.compute(code, MeasureScope.districts(DISTRICTS), period);
    }

    static LocalDate day(OffsetDateTime at) {
        return at.atZoneSameInstant(TestClock.ZONE).toLocalDate();
    }

    boolean inPeriod(OffsetDateTime at) {
        return at != null && !day(at).isBefore(period.from()) && !day(at).isAfter(period.to());
    }

    @Test
    void complaintsByChannelCountTheCasesReceivedInThePeriodUnderEachChannel() {
        breakdown("COMPLAINTS_BY_CHANNEL", "channel", Arrays.stream(Channel.values()).map(Enum::name).toList());
    }

    @Test
    void complaintsByCategoryCountTheCasesReceivedInThePeriodUnderEachCategory() {
        breakdown("COMPLAINTS_BY_CATEGORY", "category", Arrays.stream(FeedbackCategory.values()).map(Enum::name).toList());
    }

    void breakdown(String code, String column, List<String> order) {
        MeasureValue v = compute(code);
        Map<String, Long> counts = new HashMap<>();
        jdbc.sql("select f." + column + ", f.received_at from feedback_case f where " + OURS).query(rs -> {
            if (inPeriod(rs.getObject(2, OffsetDateTime.class))) {
                counts.merge(rs.getString(1), 1L, Long::sum);
            }
        });
        assertThat(v.breakdown()).extracting(MeasureValue.Share::category).containsExactlyElementsOf(order);
        order.forEach(c -> assertThat(v.countOf(c)).as(code + " " + c).isEqualTo(counts.getOrDefault(c, 0L)));
        assertThat(v.value()).isEqualByComparingTo(BigDecimal.valueOf(counts.values().stream().mapToLong(Long::longValue).sum()));
        assertThat(counts).as("the demo's cases come by more than one " + column).hasSizeGreaterThan(1);
    }

    @Test
    void ackOnTimeIsCasesAcceptedOrRefusedWithinOneWorkingDayOverThoseAcceptedOrRefusedInThePeriod() {
        MeasureValue v = compute("COMPLAINT_ACK_ON_TIME_RATE");
        Map<Long, Boolean> handled = new HashMap<>();
        List<Long> refused = new ArrayList<>();
        jdbc.sql("select f.id, f.received_at, f.acknowledged_at, f.closing, f.closed_at, f.ack_due_on from feedback_case f where " + OURS)
                .query(rs -> {
                    // 受理, or 不予受理 of a case never accepted: when the refusal closed it
                    OffsetDateTime accepted = rs.getObject(3, OffsetDateTime.class);
                    OffsetDateTime at = accepted != null ? accepted : "REJECTED".equals(rs.getString(4)) ? rs.getObject(5, OffsetDateTime.class) : null;
                    if (inPeriod(at)) {
                        LocalDate due = rs.getObject(6, LocalDate.class);
                        assertThat(due).as("acknowledge within 1 working day of the day it came in")
                                .isEqualTo(workingDays.plusWorkingDays(day(rs.getObject(2, OffsetDateTime.class)), 1));
                        handled.put(rs.getLong(1), !day(at).isAfter(due));
                        if (accepted == null) {
                            refused.add(rs.getLong(1));
                        }
                    }
                });
        MeasureChecks.countRatio(v, handled);
        assertThat(v.numerator().signum()).as("the demo acknowledges its cases in time").isPositive();
        assertThat(refused).as("the demo refuses a case, handled by its refusal").isNotEmpty();
    }

    @Test
    void replyOnTimeIsCasesLastRepliedByTheirDeadlineOverThoseLastRepliedInThePeriod() {
        MeasureValue v = compute("COMPLAINT_REPLY_ON_TIME_RATE");
        Map<Long, Boolean> replied = repliedInTime("");
        MeasureChecks.countRatio(v, replied);
        assertThat(v.numerator().signum()).as("the demo replies in time").isPositive();
        assertThat(replied.keySet()).as("a 12345 hand-off is among them").containsAnyElementsOf(ids("f.channel = 'CITY_12345'"));
    }

    @Test
    void city12345OnTimeIsHandOffsRepliedByTheEarlierOfBothDeadlinesOverThoseRepliedInThePeriod() {
        MeasureValue v = compute("CITY_12345_ON_TIME_RATE");
        MeasureChecks.countRatio(v, repliedInTime(" and f.channel = 'CITY_12345'"));
        assertThat(v.numerator().signum()).as("the demo's answered hand-off was in time").isPositive();
    }

    /**
     * The cases (last) replied in the period, each flagged when the reply came by the day of our deadline and, for a
     * 12345 case, by the hotline's deadline too. A deadline never moved (no reopening, no pause) is checked against the
     * clock: the kind's working days from the day the case came in, or 12345's day when that is earlier.
     */
    Map<Long, Boolean> repliedInTime(String where) {
        Map<Long, Boolean> replied = new HashMap<>();
        jdbc.sql("""
                        select f.id, f.kind, f.received_at, f.replied_at, f.reply_due_on, f.external_deadline,
                               f.reopen_count = 0 and not exists (select 1 from feedback_pause p where p.case_id = f.id)
                          from feedback_case f where f.replied_at is not null and\s""" + OURS + where)
                .query(rs -> {
                    OffsetDateTime at = rs.getObject(4, OffsetDateTime.class);
                    LocalDate due = rs.getObject(5, LocalDate.class);
                    OffsetDateTime hotline = rs.getObject(6, OffsetDateTime.class);
                    if (!inPeriod(at)) {
                        return;
                    }
                    if (rs.getBoolean(7)) {
                        LocalDate ours = workingDays.plusWorkingDays(day(rs.getObject(3, OffsetDateTime.class)), REPLY_DAYS.get(rs.getString(2)));
                        assertThat(due).as("reply deadline of case " + rs.getLong(1))
                                .isEqualTo(hotline != null && day(hotline).isBefore(ours) ? day(hotline) : ours);
                    }
                    replied.put(rs.getLong(1), !day(at).isAfter(due) && (hotline == null || !at.isAfter(hotline)));
                });
        return replied;
    }

    @Test
    void satisfactionIsSatisfiedAnswersOverTheTenantsAndTheDistrictSamplesAnswersInThePeriod() {
        // the district re-asks (回访抽查): a named case closed after its follow-up counts, an anonymous or unreached one not
        WebClient yuyang = WebClient.loggedIn(port, "yuyang.gov");
        long plain = ids("f.district_code = '610802' and not f.anonymous and f.closing = 'FOLLOWED_UP'").getFirst();
        sample(yuyang, plain, "{\"reached\":true,\"answer\":\"DISSATISFIED\",\"comment\":\"抽查：住户反映仍有问题\"}");
        sample(yuyang, plain, "{\"reached\":false,\"comment\":\"抽查未接通\"}");
        List<Long> leftOut = new ArrayList<>(ids("f.district_code = '610802' and f.anonymous").subList(0, 1)); // a 12345 hand-off
        ids("f.district_code = '610802' and f.closing = 'UNREACHED'").stream().limit(1).forEach(leftOut::add);
        assertThat(ids("f.anonymous and f.household_id is not null")).as("a case whose household is known is not anonymous").isEmpty();
        leftOut.forEach(id -> sample(yuyang, id, "{\"reached\":true,\"answer\":\"SATISFIED\"}"));

        MeasureValue v = compute("COMPLAINT_SATISFACTION_RATE");
        Map<Long, Boolean> answers = new HashMap<>();
        jdbc.sql("""
                        select u.id, u.answer, u.at from feedback_follow_up u join feedback_case f on f.id = u.case_id
                         where u.source in ('TENANT', 'DISTRICT_SAMPLE') and u.answer is not null
                           and not f.anonymous and (f.closing is null or f.closing <> 'UNREACHED') and\s""" + OURS)
                .query(rs -> {
                    if (inPeriod(rs.getObject(3, OffsetDateTime.class))) {
                        answers.put(rs.getLong(1), List.of("SATISFIED", "BASICALLY_SATISFIED").contains(rs.getString(2)));
                    }
                });
        MeasureChecks.countRatio(v, answers);
        assertThat(v.ratio()).as("most satisfied, not all").isStrictlyBetween(BigDecimal.ZERO, BigDecimal.ONE);
        List<Long> listed = v.records().stream().map(MeasureRecord::id).toList();
        assertThat(listed).as("the sample's answer").containsAll(answerIds(plain, "DISTRICT_SAMPLE"));
        leftOut.forEach(id -> assertThat(listed).as("no answer about an anonymous or unreached case").doesNotContainAnyElementsOf(
                answerIds(id, "DISTRICT_SAMPLE")));
        List<Long> phoned = jdbc.sql("select u.id from feedback_follow_up u join feedback_case f on f.id = u.case_id where u.source = 'OPERATOR_PHONE'"
                + " and u.answer is not null and " + OURS).query(Long.class).list();
        assertThat(phoned).as("the demo has answers the operator took by phone").isNotEmpty();
        assertThat(listed).as("none of them counts").doesNotContainAnyElementsOf(phoned);
    }

    void sample(WebClient officer, long caseId, String body) {
        var r = officer.postJson("/api/v1/feedback/cases/" + caseId + "/sample", body);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    }

    List<Long> answerIds(long caseId, String source) {
        return jdbc.sql("select id from feedback_follow_up where case_id = ? and source = ? and answer is not null")
                .params(caseId, source).query(Long.class).list();
    }

    @Test
    void reopenRateIsClosedCasesHandledAgainAfterDissatisfactionOverCasesClosedAfterAReplyInThePeriod() {
        MeasureValue v = compute("COMPLAINT_REOPEN_RATE");
        MeasureChecks.countRatio(v, closedAfterReply("exists (select 1 from feedback_event e where e.case_id = f.id and e.to_state = 'REOPENED')"));
        assertThat(v.ratio()).as("some reopened, not all").isStrictlyBetween(BigDecimal.ZERO, BigDecimal.ONE);
    }

    @Test
    void unreachedRateIsCasesClosedAfterThreeUnansweredCallsOverCasesClosedAfterAReplyInThePeriod() {
        MeasureValue v = compute("COMPLAINT_UNREACHED_RATE");
        MeasureChecks.countRatio(v, closedAfterReply("f.closing = 'UNREACHED' and (select count(*) from feedback_follow_up u"
                + " where u.case_id = f.id and u.source = 'OPERATOR_PHONE' and not u.reached and u.round = f.reopen_count) >= 3"));
        assertThat(v.ratio()).as("not all unreached").isLessThan(BigDecimal.ONE);
        // the demo's two are closed so unless a weekend fell between their three calls (then they wait, still replied)
        assertThat(ids("f.closing = 'UNREACHED' or f.state = 'REPLIED' and f.follow_up_tries >= 3")).as("the demo has cases nobody answered")
                .isNotEmpty();
    }

    /** The cases closed in the period after a reply (not praise, not refused), flagged by {@code flag}. */
    Map<Long, Boolean> closedAfterReply(String flag) {
        Map<Long, Boolean> closed = new HashMap<>();
        jdbc.sql("select f.id, f.closed_at, " + flag + " from feedback_case f where f.state = 'CLOSED' and f.replied_at is not null and " + OURS)
                .query(rs -> {
                    if (inPeriod(rs.getObject(2, OffsetDateTime.class))) {
                        closed.put(rs.getLong(1), rs.getBoolean(3));
                    }
                });
        return closed;
    }

    List<Long> ids(String where) {
        return jdbc.sql("select f.id from feedback_case f where " + where + " and " + OURS + " order by f.id").query(Long.class).list();
    }
}
