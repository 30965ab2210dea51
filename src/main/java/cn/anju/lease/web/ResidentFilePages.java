package cn.anju.lease.web;

import cn.anju.identity.CurrentUser;
import cn.anju.lease.ResidentDocuments;
import cn.anju.lease.ResidentFile;
import cn.anju.shared.Role;
import cn.anju.shared.web.PageActions;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.io.IOException;

/** The resident file's part of the household page (loaded into it by htmx): timeline, documents, upload. */
@Controller
@PreAuthorize("@leaseAccess.readers(authentication)")
class ResidentFilePages {

    private final ResidentFile file;
    private final ResidentDocuments documents;

    ResidentFilePages(ResidentFile file, ResidentDocuments documents) {
        this.file = file;
        this.documents = documents;
    }

    @GetMapping("/households/{id}/resident-file")
    String fragment(CurrentUser user, @PathVariable long id, Model model) {
        model.addAttribute("householdId", id);
        model.addAttribute("timeline", file.timeline(user, id));
        model.addAttribute("documents", documents.list(user, id));
        model.addAttribute("categories", ResidentDocuments.Category.values());
        model.addAttribute("mayUpload", !user.has(Role.TENANT));
        return "lease/resident-file :: file";
    }

    /** A document for the resident file: its category, title and the scanned file. */
    record DocumentForm(ResidentDocuments.Category category, String title, MultipartFile file) {
    }

    @PostMapping("/households/{id}/documents")
    @PreAuthorize("@leaseAccess.clerks(authentication)")
    String upload(CurrentUser user, @PathVariable long id, @ModelAttribute DocumentForm form, RedirectAttributes redirect)
            throws IOException {
        MultipartFile file = form.file();
        byte[] content = file == null ? null : file.getBytes();
        return PageActions.attempt(redirect, "/households/" + id, "材料已上传并记入住户档案。", () -> documents.upload(user, id,
                form.category(), form.title(), file == null ? null : file.getOriginalFilename(), content));
    }
}
