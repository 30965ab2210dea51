package cn.anju.disclosure.web;

import cn.anju.disclosure.DisclosureViews;
import cn.anju.disclosure.PublicDisclosures;
import cn.anju.shared.web.PageQuery;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;

/**
 * The public's JSON (no sign-in): published items with their type (e.g. {@code EVALUATION}) and their masked content,
 * and each item's change log. An evaluation's content is what {@code tools/evaluation-verifier} recomputes.
 */
@RestController
@Tag(name = "公开信息 Public disclosures")
class PublicDisclosureApi {

    private final PublicDisclosures disclosures;

    PublicDisclosureApi(PublicDisclosures disclosures) {
        this.disclosures = disclosures;
    }

    @GetMapping("/api/public/v1/disclosures")
    @Operation(summary = "已公开的信息（无需登录）：按区县、类别（EVALUATION、CONTRACT…）、日期和标题关键词查询，分页")
    PublicDisclosures.Page list(@RequestParam(required = false) String district, @RequestParam(required = false) String type,
                                @RequestParam(required = false) String q,
                                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return disclosures.search(district, type, q, from, to, PageQuery.of(page, size));
    }

    @GetMapping("/api/public/v1/disclosures/{id}")
    @Operation(summary = "一项公开信息：内容（已脱敏）、SHA-256 和变更记录（撤回的写明理由）")
    DisclosureViews.Detail show(@PathVariable long id) {
        return disclosures.item(id);
    }
}
