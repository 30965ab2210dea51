package cn.anju.disclosure.web;

import cn.anju.disclosure.InformationReply;
import cn.anju.disclosure.InformationRequestState;
import cn.anju.disclosure.InformationRequests;
import cn.anju.identity.CurrentUser;
import cn.anju.shared.web.Uploads;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.util.List;

/** 依申请公开 for the district's housing bureau: its requests, the one extension, the reply with files. */
@RestController
@Tag(name = "依申请公开 Requests for information")
@PreAuthorize("@disclosureAccess.handles(authentication)")
class InformationRequestApi {

    private final InformationRequests requests;

    InformationRequestApi(InformationRequests requests) {
        this.requests = requests;
    }

    @GetMapping("/api/v1/information-requests")
    @Operation(summary = "本区县（市级：各区县）收到的信息公开申请：办理中的按答复期限排在前；申请人姓名已脱敏；state 可筛选")
    List<InformationRequests.Summary> list(CurrentUser user, @RequestParam(required = false) InformationRequestState state) {
        return requests.list(user, state);
    }

    @GetMapping("/api/v1/information-requests/late")
    @Operation(summary = "超过答复期限仍未答复的申请（20个工作日，延期后以延长的期限为准）")
    List<InformationRequests.Summary> late(CurrentUser user) {
        return requests.late(user);
    }

    @GetMapping("/api/v1/information-requests/{id}")
    @Operation(summary = "一件申请：所需信息的描述、申请人（脱敏）、期限、延期理由、答复和附件")
    InformationRequests.Detail show(CurrentUser user, @PathVariable long id) {
        return requests.detail(user, id);
    }

    @PostMapping("/api/v1/information-requests/{id}/applicant")
    @Operation(summary = "查看申请人的完整姓名和联系方式（用于送达答复；记入审计日志）")
    InformationRequests.Applicant applicant(CurrentUser user, @PathVariable long id) {
        return requests.applicant(user, id);
    }

    record Extension(String reason, Integer version) {
    }

    @PostMapping("/api/v1/information-requests/{id}/extension")
    @Operation(summary = "延长答复期限：在期限届满前、经分管领导同意，限一次，最长20个工作日；理由告知申请人")
    InformationRequests.Detail extend(CurrentUser user, @PathVariable long id, @RequestBody Extension body) {
        requests.extend(user, id, body == null ? null : body.reason(), body == null ? null : body.version());
        return show(user, id);
    }

    @PostMapping(path = "/api/v1/information-requests/{id}/reply", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "答复（multipart：kind 答复类型，reply 答复内容，files 附件 PDF/JPG/PNG 最多9个，version 可选）")
    InformationRequests.Detail answer(CurrentUser user, @PathVariable long id, @RequestParam(required = false) InformationReply kind,
                                      @RequestParam(required = false) String reply,
                                      @RequestParam(required = false) List<MultipartFile> files,
                                      @RequestParam(required = false) Integer version) {
        requests.answer(user, id, kind, reply, Uploads.of(files), version);
        return show(user, id);
    }

    @GetMapping("/api/v1/information-requests/{id}/files/{fileId}")
    @Operation(summary = "下载答复附件（附 SHA-256）")
    ResponseEntity<byte[]> file(CurrentUser user, @PathVariable long id, @PathVariable long fileId) {
        InformationRequests.Download d = requests.file(user, id, fileId);
        return ReplyFileResponses.of(d);
    }
}
