package cn.anju.disclosure;

import cn.anju.audit.AuditLog;
import cn.anju.audit.AuditOutcome;
import cn.anju.evaluation.EvaluationResultPublished;
import cn.anju.identity.CurrentUser;
import cn.anju.identity.DataScopes;
import cn.anju.identity.FourEyes;
import cn.anju.shared.Role;
import cn.anju.shared.calendar.WorkingDays;
import cn.anju.shared.policy.PolicySettings;
import cn.anju.shared.state.StateChanges;
import cn.anju.shared.web.ProblemException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The life of a public item: drafted by the platform from a final record (redacted, published at once when its type
 * needs no review), published by a leader of the district who did not draft the version (保密审查, four eyes),
 * withdrawn with a reason, redrafted as a new version. Publishing an evaluation's result tells the evaluation module.
 */
@Service
public class Disclosures {

    static final String PUBLISH_DAYS = "disclosure.publish-working-days";

    private final List<DisclosureSource> sources;
    private final DisclosureRecords records;
    private final DisclosureContent contents;
    private final DataScopes scopes;
    private final WorkingDays workingDays;
    private final PolicySettings policies;
    private final StateChanges changes;
    private final ApplicationEventPublisher events;
    private final AuditLog audit;
    private final Clock clock;

    Disclosures(List<DisclosureSource> sources, DisclosureRecords records, DisclosureContent contents, DataScopes scopes,
                WorkingDays workingDays, PolicySettings policies, StateChanges changes, ApplicationEventPublisher events, AuditLog audit,
                Clock clock) {
        this.sources = sources;
        this.records = records;
        this.contents = contents;
        this.scopes = scopes;
        this.workingDays = workingDays;
        this.policies = policies;
        this.changes = changes;
        this.events = events;
        this.audit = audit;
        this.clock = clock;
    }

    /** Drafts an item for every final record that has none; returns how many were drafted. */
    @Transactional
    public int draftAll() {
        int drafted = 0;
        for (DisclosureSource source : sources) {
            for (DisclosureDraft d : source.drafts()) {
                if (!records.exists(d.type(), d.sourceId()) && draft(d)) {
                    drafted++;
                }
            }
        }
        return drafted;
    }

    /** One record's item: redacted, its clock set in working days; an aggregate one published at once. False if it had one. */
    @Transactional
    boolean draft(DisclosureDraft d) {
        DisclosureContent.Json json = contents.of(d.content());
        LocalDate due = workingDays.plusWorkingDays(d.finalOn(), policies.integer(PUBLISH_DAYS, d.districtCode()));
        var id = records.insert(d, due, json.text(), json.sha256(), clock.instant());
        id.ifPresent(item -> {
            audit.record(DisclosureAudit.DISCLOSURE_DRAFT, "disclosure_item", item, AuditOutcome.SUCCESS, Map.of("type", d.type().name()));
            if (!d.type().reviewed()) {
                published(records.find(item).orElseThrow(), null, null);
            }
        });
        return id.isPresent();
    }

    /** The items of the user's districts (government users), optionally only in some states. */
    public List<DisclosureItem> list(CurrentUser user, List<DisclosureStatus> statuses) {
        return records.where(DisclosureScope.districts(user, scopes), statuses);
    }

    public DisclosureItem visible(CurrentUser user, long id) {
        return records.find(id).filter(i -> DisclosureScope.reads(user, scopes, i))
                .orElseThrow(() -> ProblemException.notFound("DISCLOSURE_NOT_FOUND", "公开事项不存在，或不在您的数据范围内。"));
    }

    /** Published by a leader of the district who did not draft this version; aggregate items need no review. */
    @Transactional
    public void publish(CurrentUser user, long id, Integer seenVersion) {
        DisclosureItem item = acting(user, id);
        if (item.needsReview()) {
            FourEyes.requireSecondPerson(user, item.districtCode(), item.draftedBy(), "信息公开保密审查");
        }
        published(item, seenVersion, user.id());
    }

    private void published(DisclosureItem item, Integer seenVersion, Long by) {
        changes.apply(item.publish(clock.instant()).asSeen(seenVersion), done -> {
            records.event(item.id(), item.contentVersion(), "PUBLISHED", null, by, clock.instant());
            audit.record(DisclosureAudit.DISCLOSURE_PUBLISH, "disclosure_item", item.id(), AuditOutcome.SUCCESS,
                    Map.of("version", item.contentVersion()));
            if (item.type() == DisclosureType.EVALUATION) {
                events.publishEvent(new EvaluationResultPublished(item.sourceId(), item.id(), clock.instant()));
            }
        });
    }

    @Transactional
    public void withdraw(CurrentUser user, long id, String reason, Integer seenVersion) {
        DisclosureItem item = acting(user, id);
        String why = required(reason, "请写明撤回的理由（将随变更记录公开）。");
        changes.apply(item.withdraw().asSeen(seenVersion), done -> {
            records.event(item.id(), item.contentVersion(), "WITHDRAWN", why, user.id(), clock.instant());
            audit.record(DisclosureAudit.DISCLOSURE_WITHDRAW, "disclosure_item", id, AuditOutcome.SUCCESS, Map.of("version", item.contentVersion()));
        });
    }

    /**
     * A withdrawn item drafted again by an officer: the record's current content (redacted again) with the officer's
     * note on what changed, as a new version that someone else has to review.
     */
    @Transactional
    public void redraft(CurrentUser user, long id, String note, Integer seenVersion) {
        DisclosureItem item = acting(user, id);
        String what = required(note, "请说明本次重新起草修改了什么（将随公开内容发布）。");
        DisclosureDraft fresh = sources.stream().filter(s -> s.type() == item.type()).flatMap(s -> s.drafts().stream())
                .filter(d -> d.type() == item.type() && d.sourceId() == item.sourceId()).findFirst()
                .orElseThrow(() -> ProblemException.conflict("DISCLOSURE_SOURCE_GONE", "该事项的原始记录已不再是定稿状态，不能重新起草。"));
        Map<String, Object> content = new LinkedHashMap<>(fresh.content());
        content.put("note", what);
        DisclosureContent.Json json = contents.of(content);
        changes.apply(item.redraft(user.id()).asSeen(seenVersion), done -> {
            records.version(item.id(), item.contentVersion() + 1, json.text(), json.sha256(), user.id(), clock.instant());
            records.event(item.id(), item.contentVersion() + 1, "REDRAFTED", what, user.id(), clock.instant());
            audit.record(DisclosureAudit.DISCLOSURE_REDRAFT, "disclosure_item", id, AuditOutcome.SUCCESS, Map.of("version", item.contentVersion() + 1));
        });
    }

    /** Items of the user's districts not published within their working days, as of today. */
    public List<DisclosureItem> late(CurrentUser user) {
        LocalDate today = LocalDate.now(clock);
        return list(user, List.of(DisclosureStatus.DRAFT, DisclosureStatus.WITHDRAWN)).stream().filter(i -> i.lateOn(today)).toList();
    }

    private DisclosureItem acting(CurrentUser user, long id) {
        DisclosureItem item = visible(user, id);
        if (!user.hasAny(Role.GOV_OFFICER, Role.GOV_ADMIN)) {
            throw ProblemException.forbidden("DISCLOSURE_GOVERNMENT_ONLY", "信息公开由区县住房保障部门办理。");
        }
        return item;
    }

    private static String required(String s, String message) {
        if (s == null || s.isBlank()) {
            throw ProblemException.badRequest("REASON_REQUIRED", message);
        }
        return s.strip();
    }
}
