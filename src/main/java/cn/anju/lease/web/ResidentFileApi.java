package cn.anju.lease.web;

import cn.anju.identity.CurrentUser;
import cn.anju.lease.ResidentDocuments;
import cn.anju.lease.ResidentFile;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

@RestController
@RequestMapping("/api/v1/households/{householdId}")
@Tag(name = "住户档案 Resident file")
class ResidentFileApi {

    private final ResidentFile file;
    private final ResidentDocuments documents;

    ResidentFileApi(ResidentFile file, ResidentDocuments documents) {
        this.file = file;
        this.documents = documents;
    }

    @GetMapping("/resident-file")
    @Operation(summary = "住户档案时间线（资格、选房、合同、入住退房及以后各模块的事件，新的在前）")
    List<ResidentFile.Entry> timeline(CurrentUser user, @PathVariable long householdId) {
        return file.timeline(user, householdId);
    }

    @GetMapping("/documents")
    @Operation(summary = "住户档案材料")
    List<ResidentDocuments.Document> documents(CurrentUser user, @PathVariable long householdId) {
        return documents.list(user, householdId);
    }

    @PostMapping(path = "/documents", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "上传材料：PDF、JPG、PNG（按内容识别），大小有上限，记录 SHA-256")
    Map<String, Long> upload(CurrentUser user, @PathVariable long householdId,
                             @RequestParam ResidentDocuments.Category category, @RequestParam String title,
                             @RequestParam MultipartFile file) throws IOException {
        return Map.of("id", documents.upload(user, householdId, category, title, file.getOriginalFilename(), file.getBytes()));
    }

    @GetMapping("/documents/{documentId}")
    @Operation(summary = "下载材料（按登记的 SHA-256 校验后提供）")
    ResponseEntity<byte[]> download(CurrentUser user, @PathVariable long householdId, @PathVariable long documentId) {
        ResidentDocuments.Download d = documents.download(user, householdId, documentId);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(d.document().contentType()))
                .header("Content-Disposition", ContentDisposition.attachment()
                        .filename(d.document().originalName(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-SHA256", d.document().sha256())
                .body(d.content());
    }
}
