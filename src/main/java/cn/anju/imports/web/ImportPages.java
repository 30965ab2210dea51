package cn.anju.imports.web;

import cn.anju.identity.CurrentUser;
import cn.anju.imports.Imports;
import cn.anju.shared.web.ProblemException;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;

/** 数据导入: templates, upload, and the error report of a refused sheet. */
@Controller
@RequestMapping("/imports")
@PreAuthorize("@importAccess.government(authentication)")
class ImportPages {

    private final Imports imports;

    ImportPages(Imports imports) {
        this.imports = imports;
    }

    @GetMapping
    String page(Model model) {
        model.addAttribute("kinds", imports.kinds());
        return "imports/imports";
    }

    @PostMapping("/{kind}")
    String upload(CurrentUser user, @PathVariable String kind, @RequestParam("file") MultipartFile file, Model model)
            throws IOException {
        try {
            model.addAttribute("result", imports.importFile(user, kind, file.getBytes(), file.getOriginalFilename(), false));
            model.addAttribute("kindTitle", imports.kind(kind).title());
        } catch (ProblemException e) {
            if (e.status().value() == 403) {
                throw e;
            }
            model.addAttribute("error", e.getMessage());
        }
        return page(model);
    }

    @GetMapping("/{kind}/template")
    ResponseEntity<byte[]> template(@PathVariable String kind) {
        return ImportApi.xlsx(imports.template(kind), imports.kind(kind).title() + "导入模板.xlsx");
    }

    @GetMapping("/runs/{id}/errors.xlsx")
    ResponseEntity<byte[]> errors(CurrentUser user, @PathVariable long id) {
        byte[] report = imports.errorReport(user, id)
                .orElseThrow(() -> ProblemException.notFound("IMPORT_REPORT_NOT_FOUND", "找不到该导入的错误报告。"));
        return ImportApi.xlsx(report, "错误报告-" + id + ".xlsx");
    }
}
