package cn.anju.disclosure.web;

import cn.anju.disclosure.InformationReply;
import cn.anju.disclosure.InformationRequestState;
import cn.anju.disclosure.InformationRequests;
import cn.anju.identity.CurrentUser;
import cn.anju.identity.FourEyes;
import cn.anju.shared.Districts;
import cn.anju.shared.web.PageActions;
import cn.anju.shared.web.Uploads;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.List;

/**
 * 依申请公开 for the district's housing bureau: the requests, running ones first by due day with the late ones marked;
 * one request with what was asked, the applicant masked (revealed on demand, audited), the clock, the extension (the
 * leader, once) and the reply form with files.
 */
@Controller
@PreAuthorize("@disclosureAccess.handles(authentication)")
class InformationRequestPages {

    private final InformationRequests requests;
    private final Districts districts;

    InformationRequestPages(InformationRequests requests, Districts districts) {
        this.requests = requests;
        this.districts = districts;
    }

    @GetMapping("/information-requests")
    String list(CurrentUser user, @RequestParam(required = false) InformationRequestState state, Model model) {
        List<InformationRequests.Summary> rows = requests.list(user, state);
        model.addAttribute("rows", rows);
        model.addAttribute("late", rows.stream().filter(r -> r.late() && r.state() != InformationRequestState.ANSWERED).count());
        model.addAttribute("state", state);
        model.addAttribute("states", InformationRequestState.values());
        model.addAttribute("districts", districts);
        return "disclosure/requests";
    }

    @GetMapping("/information-requests/{id}")
    String show(CurrentUser user, @PathVariable long id, Model model) {
        InformationRequests.Detail d = requests.detail(user, id);
        model.addAttribute("d", d);
        model.addAttribute("districtName", districts.nameOf(d.districtCode()));
        boolean running = d.state() != InformationRequestState.ANSWERED;
        model.addAttribute("mayAnswer", running);
        model.addAttribute("mayExtend", d.state() == InformationRequestState.RECEIVED && !d.late() && FourEyes.isLeaderOf(user, d.districtCode()));
        model.addAttribute("extendForLeader", d.state() == InformationRequestState.RECEIVED && !d.late() && !FourEyes.isLeaderOf(user, d.districtCode()));
        model.addAttribute("replies", InformationReply.values());
        return "disclosure/request";
    }

    /** Shown on this answer only, never kept in the session or a redirect. */
    @PostMapping("/information-requests/{id}/applicant")
    String applicant(CurrentUser user, @PathVariable long id, Model model) {
        model.addAttribute("applicant", requests.applicant(user, id));
        return show(user, id, model);
    }

    @PostMapping("/information-requests/{id}/extension")
    String extend(CurrentUser user, @PathVariable long id, @RequestParam(required = false) String reason,
                  @RequestParam(required = false) Integer version, RedirectAttributes redirect) {
        return PageActions.attempt(redirect, "/information-requests/" + id, "已延期，延期理由和新的答复期限已告知申请人（凭编号查询可见）。",
                () -> requests.extend(user, id, reason, version));
    }

    @PostMapping("/information-requests/{id}/reply")
    String answer(CurrentUser user, @PathVariable long id, @RequestParam(required = false) InformationReply kind,
                  @RequestParam(required = false) String reply, @RequestParam(required = false) List<MultipartFile> files,
                  @RequestParam(required = false) Integer version, RedirectAttributes redirect) {
        return PageActions.attempt(redirect, "/information-requests/" + id, "已答复，申请人凭编号和查询码即可查看答复并下载附件。",
                () -> requests.answer(user, id, kind, reply, Uploads.of(files), version));
    }

    @GetMapping("/information-requests/{id}/files/{fileId}")
    ResponseEntity<byte[]> file(CurrentUser user, @PathVariable long id, @PathVariable long fileId) {
        return ReplyFileResponses.of(requests.file(user, id, fileId));
    }
}
