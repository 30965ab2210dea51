package cn.anju.household.web;

import cn.anju.household.AnnualReview;
import cn.anju.household.ChangeReportKind;
import cn.anju.household.ChangeReports;
import cn.anju.household.Eligibility;
import cn.anju.household.EligibilityStatus;
import cn.anju.household.HouseholdCategory;
import cn.anju.household.HouseholdQueries;
import cn.anju.household.Waitlist;
import cn.anju.identity.CurrentUser;
import cn.anju.shared.web.PageResponse;
import cn.anju.shared.web.Paged;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Map;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "保障家庭 Households")
class HouseholdApi {

    private final HouseholdQueries queries;
    private final Eligibility eligibility;
    private final ChangeReports reports;
    private final AnnualReview review;
    private final Waitlist waitlist;

    HouseholdApi(HouseholdQueries queries, Eligibility eligibility, ChangeReports reports, AnnualReview review,
                 Waitlist waitlist) {
        this.queries = queries;
        this.eligibility = eligibility;
        this.reports = reports;
        this.review = review;
        this.waitlist = waitlist;
    }

    /** The waitlist of one district or all in scope, and the page. */
    record WaitlistFilter(String districtCode, Integer page, Integer size) implements Paged {
    }

    /** A page of the decisions due for review. */
    record ReviewPage(Integer page, Integer size) implements Paged {
    }

    /** The households search: name prefix, exact ID number, phone (exact or last four), category, status, and the page. */
    record Search(String name, String idNumber, String phone, HouseholdCategory category, EligibilityStatus eligibility,
                  Integer page, Integer size) implements Paged {

        @Override
        public String toString() {
            return "Search[name, category=" + category + ", eligibility=" + eligibility + ", page=" + page + ", size=" + size + "]";
        }
    }

    @GetMapping("/waitlist")
    @Operation(summary = "轮候名单：有效资格的家庭，按优先组、登记日期排序（政府用户与承接主体，按数据范围）")
    PageResponse<Waitlist.Entry> waitlist(CurrentUser user, @ParameterObject @ModelAttribute WaitlistFilter filter) {
        return waitlist.entries(user, filter.districtCode(), filter.pageQuery());
    }

    @GetMapping("/eligibility-decisions/due-for-review")
    @Operation(summary = "年度复核：在有效期内、即将到期或已满一年未复核的资格认定（政府用户，按数据范围）")
    PageResponse<AnnualReview.Due> dueForReview(CurrentUser user, @ParameterObject @ModelAttribute ReviewPage list) {
        return review.due(user, list.pageQuery());
    }

    @GetMapping("/households")
    @Operation(summary = "保障家庭查询：姓名（前缀）、身份证号（精确）、手机号（精确或后四位）、类别、资格状态；分页，证件号脱敏")
    PageResponse<HouseholdQueries.HouseholdRow> search(CurrentUser user, @ParameterObject @ModelAttribute Search search) {
        return queries.search(user, new HouseholdQueries.Filter(search.name(), search.idNumber(), search.phone(), search.category(),
                search.eligibility()), search.pageQuery());
    }

    @GetMapping("/households/{id}")
    @Operation(summary = "保障家庭详情：成员（脱敏）、资格认定历史、变更报告")
    HouseholdQueries.Detail detail(CurrentUser user, @PathVariable long id) {
        return queries.detail(user, id);
    }

    @GetMapping("/households/{id}/eligibility-decisions")
    @Operation(summary = "该户的资格认定历史（最新在前）")
    List<HouseholdQueries.Decision> decisions(CurrentUser user, @PathVariable long id) {
        return queries.detail(user, id).decisions();
    }

    @PostMapping("/households/{id}/eligibility-decisions")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "作出资格认定或延续（仅该户所在区县的住房保障部门）")
    Map<String, Long> decide(CurrentUser user, @PathVariable long id, @RequestBody Eligibility.NewDecision decision) {
        return Map.of("id", eligibility.decide(user, id, decision));
    }

    record StatusChange(EligibilityStatus status, String reason) {
    }

    @PostMapping("/eligibility-decisions/{id}/status")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "暂停、恢复或撤销资格（仅该户所在区县的住房保障部门）")
    void changeStatus(CurrentUser user, @PathVariable long id, @RequestBody StatusChange change) {
        eligibility.changeStatus(user, id, change.status(), change.reason());
    }

    record NewReport(ChangeReportKind kind, String description) {
    }

    @PostMapping("/households/{id}/change-reports")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "报告住户变化（承接主体或政府经办人），由区县住房保障部门处理")
    Map<String, Long> report(CurrentUser user, @PathVariable long id, @RequestBody NewReport report) {
        return Map.of("id", reports.file(user, id, report.kind(), report.description()));
    }

    record Decision(boolean accept, String note) {
    }

    @PostMapping("/change-reports/{id}/decision")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "受理或驳回变更报告（仅该户所在区县的住房保障部门）")
    void decideReport(CurrentUser user, @PathVariable long id, @RequestBody Decision decision) {
        reports.decide(user, id, decision.accept(), decision.note());
    }

    record RevealRequest(HouseholdQueries.Field field) {
    }

    @PostMapping("/households/{id}/members/{memberId}/reveal")
    @Operation(summary = "查看成员完整证件号或手机号（记入审计日志）")
    Map<String, String> reveal(CurrentUser user, @PathVariable long id, @PathVariable long memberId,
                               @RequestBody RevealRequest request) {
        return Map.of("value", queries.reveal(user, id, memberId, request.field()));
    }
}
