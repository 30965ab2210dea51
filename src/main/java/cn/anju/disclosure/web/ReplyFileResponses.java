package cn.anju.disclosure.web;

import cn.anju.disclosure.InformationRequests;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.nio.charset.StandardCharsets;

/** A file of a reply to a request for information, downloaded by the bureau or by the applicant: never cached. */
final class ReplyFileResponses {

    private ReplyFileResponses() {
    }

    static ResponseEntity<byte[]> of(InformationRequests.Download d) {
        var f = d.file();
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(f.contentType())).cacheControl(CacheControl.noStore())
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(f.name(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-SHA256", f.sha256())
                .body(d.content());
    }
}
