package cn.anju.inspection.web;

import cn.anju.identity.CurrentUser;
import cn.anju.inspection.CaseEvidence;
import cn.anju.inspection.CaseQueries;
import cn.anju.inspection.CaseState;
import cn.anju.inspection.CaseType;
import cn.anju.inspection.Decision;
import cn.anju.inspection.ViolationCases;
import cn.anju.shared.web.PageQuery;
import cn.anju.shared.web.PageResponse;
import cn.anju.shared.web.ProblemException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

@RestController
@RequestMapping("/api/v1/violation-cases")
@Tag(name = "违规案件 Violation cases")
class ViolationCaseApi {

    private final ViolationCases cases;
    private final CaseQueries queries;
    private final CaseEvidence evidence;

    ViolationCaseApi(ViolationCases cases, CaseQueries queries, CaseEvidence evidence) {
        this.cases = cases;
        this.queries = queries;
        this.evidence = evidence;
    }

    record Filter(CaseState state, CaseType type, Integer page, Integer size) {

        PageQuery pageQuery() {
            return PageQuery.of(page, size);
        }
    }

    @GetMapping
    @Operation(summary = "违规案件（按数据范围）")
    PageResponse<CaseQueries.CaseRow> list(CurrentUser user, @ParameterObject @ModelAttribute Filter filter) {
        return queries.list(user, filter.state(), filter.type(), filter.pageQuery());
    }

    record NewCase(Long leaseId, String leaseNumber, CaseType type, String facts) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "立案（草稿）：按租赁合同（id 或编号）登记违规类型和事实；拖欠租金案件由系统自动立案")
    Map<String, Object> open(CurrentUser user, @RequestBody NewCase body) {
        long id = cases.open(user, new ViolationCases.Opening(body.leaseId(), body.leaseNumber(), body.type(), body.facts(),
                ViolationCases.CaseSource.STAFF));
        return Map.of("id", id);
    }

    @GetMapping("/{id}")
    @Operation(summary = "案件详情：经过、证据、决定")
    CaseQueries.CaseDetail get(CurrentUser user, @PathVariable long id) {
        return queries.get(user, id);
    }

    /** @param takenAt when the photo or document was taken (ISO date-time); omitted, the upload's time */
    record EvidenceForm(String description, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant takenAt, String place,
                        BigDecimal latitude, BigDecimal longitude) {
    }

    @PostMapping(path = "/{id}/evidence", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "上传证据（PDF/JPG/PNG，记录 SHA-256、拍摄人、时间、地点）")
    Map<String, Object> addEvidence(CurrentUser user, @PathVariable long id, @ParameterObject @ModelAttribute EvidenceForm form,
                                    @RequestParam MultipartFile file) throws IOException {
        return Map.of("id", evidence.add(user, id, new CaseEvidence.Item(form.description(), form.takenAt(), form.place(),
                form.latitude(), form.longitude(), file.getOriginalFilename(), file.getBytes())));
    }

    @GetMapping("/{id}/evidence/{evidenceId}")
    @Operation(summary = "下载证据（按 SHA-256 校验，不符则拒绝）")
    ResponseEntity<byte[]> downloadEvidence(CurrentUser user, @PathVariable long id, @PathVariable long evidenceId) {
        CaseEvidence.Download d = evidence.download(user, id, evidenceId);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(d.contentType()))
                .header("Content-Disposition", ContentDisposition.inline().filename(d.originalName(), StandardCharsets.UTF_8).build().toString())
                .body(d.content());
    }

    /** @param version the case's version the caller saw (optimistic locking); omitted, the current one */
    record Step(Integer version, String note) {
    }

    @PostMapping("/{id}/{action:report|review|return|rectified|closure|reopen}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "办理：report 上报（运营）、review 受理（政府）、return 退回补证（政府）、rectified 整改完成、closure 结案/撤销、reopen 逾期未整改重新审查（政府）")
    void step(CurrentUser user, @PathVariable long id, @PathVariable String action, @RequestBody(required = false) Step body) {
        Step s = body == null ? new Step(null, null) : body;
        switch (action) {
            case "report" -> cases.report(user, id, s.version());
            case "review" -> cases.review(user, id, s.version());
            case "return" -> cases.sendBack(user, id, s.version(), s.note());
            case "rectified" -> cases.rectified(user, id, s.version(), s.note());
            case "closure" -> cases.close(user, id, s.version(), s.note());
            case "reopen" -> cases.reopen(user, id, s.version(), s.note());
            default -> throw ProblemException.notFound("NOT_FOUND", "无此操作。");
        }
    }

    record DecisionBody(Integer version, Decision decision, String reason,
                        LocalDate rectifyBy, BigDecimal penaltyAmount) {
    }

    @PostMapping("/{id}/decision")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "处理决定（仅房屋所在区县住房保障部门）：RECTIFY 责令整改（须整改期限）、RECLAIM 收回住房（终止合同）、PENALTY 罚款、DISMISSED 不予处理")
    void decide(CurrentUser user, @PathVariable long id, @RequestBody DecisionBody body) {
        cases.decide(user, id, body.version(), new ViolationCases.DecisionRequest(body.decision(), body.reason(), body.rectifyBy(),
                body.penaltyAmount()));
    }
}
