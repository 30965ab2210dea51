package cn.anju.disclosure;

import cn.anju.shared.web.PageQuery;
import cn.anju.shared.web.ProblemException;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/** What anyone reads without signing in: published items by district, type, date and words in the title. */
@Service
public class PublicDisclosures {

    private final DisclosureRecords records;
    private final DisclosureViews views;
    private final Clock clock;

    PublicDisclosures(DisclosureRecords records, DisclosureViews views, Clock clock) {
        this.records = records;
        this.views = views;
        this.clock = clock;
    }

    public record Page(List<DisclosureViews.Detail> items, long total, int page, int size) {
    }

    public Page search(String districtCode, String type, String q, LocalDate from, LocalDate to, PageQuery page) {
        DisclosureType t = null;
        if (type != null && !type.isBlank()) {
            try {
                t = DisclosureType.valueOf(type.strip());
            } catch (IllegalArgumentException e) {
                throw ProblemException.badRequest("DISCLOSURE_TYPE_UNKNOWN", "公开类别不存在：" + type + "（可选 EVALUATION、CONTRACT 等）。");
            }
        }
        var query = new DisclosureRecords.PublicQuery(districtCode == null || districtCode.isBlank() ? null : districtCode.strip(), t, q,
                from, to, page.page(), page.size());
        LocalDate today = LocalDate.now(clock);
        return new Page(views.details(records.published(query), today), records.countPublished(query),
                page.page(), page.size());
    }

    /** A published or withdrawn item (a draft is nobody's business yet: 404). */
    public DisclosureViews.Detail item(long id) {
        return records.find(id).filter(i -> i.firstPublishedAt() != null)
                .map(i -> views.publicDetail(i, LocalDate.now(clock)))
                .orElseThrow(() -> ProblemException.notFound("DISCLOSURE_NOT_FOUND", "公开事项不存在或尚未公开。"));
    }
}
