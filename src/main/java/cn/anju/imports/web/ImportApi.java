package cn.anju.imports.web;

import cn.anju.identity.CurrentUser;
import cn.anju.imports.Imports;
import cn.anju.shared.excel.Downloads;
import cn.anju.shared.web.Problems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;

@RestController
@RequestMapping("/api/v1/imports")
@Tag(name = "导入 Imports")
class ImportApi {

    private final Imports imports;

    ImportApi(Imports imports) {
        this.imports = imports;
    }

    @PostMapping(value = "/{kind}", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "导入 units / households / eligibility-decisions：先检查全部行，全部合格才写入；与已登记内容相同的行跳过")
    ResponseEntity<?> importSheet(CurrentUser user, @PathVariable String kind, @RequestParam("file") MultipartFile file,
                                  HttpServletRequest request) throws IOException {
        Imports.Result result = imports.importFile(user, kind, file.getBytes(), file.getOriginalFilename(), false);
        if (result.ok()) {
            return ResponseEntity.ok(result);
        }
        ProblemDetail problem = Problems.of(HttpStatus.UNPROCESSABLE_CONTENT, "IMPORT_REJECTED",
                "有 " + result.errors().size() + " 处错误，未写入任何数据。请按错误说明修改后重新导入。");
        Problems.withInstance(problem, request.getRequestURI());
        problem.setProperty("runId", result.runId());
        problem.setProperty("errors", result.errors());
        problem.setProperty("errorReport", "/imports/runs/" + result.runId() + "/errors.xlsx");
        return ResponseEntity.unprocessableContent().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    @GetMapping("/{kind}/template")
    @Operation(summary = "下载导入模板（中文表头和示例行）")
    ResponseEntity<byte[]> template(@PathVariable String kind) {
        return xlsx(imports.template(kind), imports.kind(kind).title() + "导入模板.xlsx");
    }

    static ResponseEntity<byte[]> xlsx(byte[] content, String filename) {
        return Downloads.xlsx(content, filename);
    }
}
