package cn.anju.disclosure;

import cn.anju.shared.Districts;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Items as the API shows them: to the government with their clock, to the public with their content and change log. */
@Component
public class DisclosureViews {

    private final DisclosureRecords records;
    private final DisclosureContent contents;
    private final Districts districts;

    DisclosureViews(DisclosureRecords records, DisclosureContent contents, Districts districts) {
        this.records = records;
        this.contents = contents;
        this.districts = districts;
    }

    public record Summary(long id, String type, String typeLabel, String districtCode, String districtName, String title, LocalDate finalOn,
                          LocalDate dueOn, String status, String statusLabel, boolean needsReview, int contentVersion, Instant publishedAt,
                          boolean late, int version) {
    }

    public record Change(int version, String kind, String reason, Instant at) {
    }

    /** An item with its current version's content and digest (the government sees drafts, the public only what is published). */
    public record Detail(Summary item, Object content, String sha256, List<Change> changes) {
    }

    public Summary summary(DisclosureItem i, LocalDate today) {
        return new Summary(i.id(), i.type().name(), i.type().label(), i.districtCode(), districts.nameOf(i.districtCode()), i.title(),
                i.finalOn(), i.dueOn(), i.status().name(), i.status().label(), i.needsReview(), i.contentVersion(), i.firstPublishedAt(),
                i.lateOn(today), i.version());
    }

    public Detail detail(DisclosureItem i, LocalDate today) {
        DisclosureRecords.Content c = records.content(i.id(), i.contentVersion());
        return new Detail(summary(i, today), contents.parse(c.json()), c.sha256(), changes(i));
    }

    /** A page of published items with their content and change logs, read in two queries whatever the page's size. */
    public List<Detail> details(List<DisclosureItem> items, LocalDate today) {
        var contents = records.currentContents(items);
        var events = records.events(items.stream().map(DisclosureItem::id).toList());
        return items.stream().map(i -> {
            DisclosureRecords.Content c = contents.get(i.id());
            return new Detail(summary(i, today), this.contents.parse(c.json()), c.sha256(), events.getOrDefault(i.id(), List.of()).stream()
                    .map(e -> new Change(e.version(), e.kind(), e.reason(), e.at())).toList());
        }).toList();
    }

    /** What the public reads: the content only while published; the change log always (a withdrawal says why). */
    public Detail publicDetail(DisclosureItem i, LocalDate today) {
        if (i.status() == DisclosureStatus.PUBLISHED) {
            return detail(i, today);
        }
        return new Detail(summary(i, today), null, null, changes(i));
    }

    private List<Change> changes(DisclosureItem i) {
        return records.events(i.id()).stream().map(e -> new Change(e.version(), e.kind(), e.reason(), e.at())).toList();
    }
}
