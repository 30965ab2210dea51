package cn.anju.shared.excel;

import cn.anju.shared.web.PageQuery;
import cn.anju.shared.web.PageResponse;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** An .xlsx as a download with a Chinese file name. */
public final class Downloads {

    public static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private Downloads() {
    }

    /** The largest export of a paged list: beyond it, narrow the filter. */
    public static final int EXPORT_LIMIT = 100_000;

    /** Every row of a paged list, page by page, up to {@link #EXPORT_LIMIT}: for exports of lists kept small. */
    public static <T> List<T> allPages(Function<PageQuery,
            PageResponse<T>> fetch) {
        List<T> all = new ArrayList<>();
        int size = PageQuery.MAX_SIZE;
        for (int page = 1; all.size() < EXPORT_LIMIT; page++) {
            var result = fetch.apply(new PageQuery(page, size));
            all.addAll(result.items());
            if (page >= result.totalPages()) {
                break;
            }
        }
        return all;
    }

    public static ResponseEntity<byte[]> xlsx(byte[] content, String filename) {
        return ResponseEntity.ok().contentType(XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(filename, StandardCharsets.UTF_8).build().toString())
                .body(content);
    }
}
