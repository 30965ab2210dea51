package cn.anju.disclosure.web;

import cn.anju.disclosure.DisclosureType;
import cn.anju.disclosure.DisclosureViews;
import cn.anju.disclosure.PublicDisclosures;
import cn.anju.shared.Districts;
import cn.anju.shared.web.PageQuery;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.time.LocalDate;
import java.util.List;

/**
 * The public portal of 信息公开 (no sign-in, Chinese first, phone-friendly): published items by district, type, date and
 * words of the title; an item with its content, digest and change log; an Atom feed of the latest items.
 */
@Controller
class PublicDisclosurePages {

    private final PublicDisclosures disclosures;
    private final Districts districts;

    PublicDisclosurePages(PublicDisclosures disclosures, Districts districts) {
        this.disclosures = disclosures;
        this.districts = districts;
    }

    @GetMapping("/public")
    String list(@RequestParam(required = false) String district, @RequestParam(required = false) String type,
                @RequestParam(required = false) String q,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                @RequestParam(required = false) Integer page, Model model) {
        PublicDisclosures.Page found = disclosures.search(district, type, q, from, to, PageQuery.of(page, 20));
        model.addAttribute("found", found);
        model.addAttribute("pages", Math.max(1, (found.total() + found.size() - 1) / found.size()));
        model.addAttribute("districts", districts.ofCity(districts.cityCode()));
        model.addAttribute("types", List.of(DisclosureType.values()));
        model.addAttribute("f", new Filter(district, type, q, from, to));
        return "disclosure/public-list";
    }

    record Filter(String district, String type, String q, LocalDate from, LocalDate to) {
    }

    @GetMapping("/public/disclosures/{id}")
    String item(@PathVariable long id, Model model) {
        DisclosureViews.Detail d = disclosures.item(id);
        model.addAttribute("d", d);
        model.addAttribute("shown", PublicContent.of(d.content()));
        return "disclosure/public-item";
    }

    @GetMapping("/public/disclosures.atom") // any Accept: a feed reader asks for anything
    ResponseEntity<String> feed() {
        String base = ServletUriComponentsBuilder.fromCurrentContextPath().toUriString();
        List<DisclosureViews.Detail> latest = disclosures.search(null, null, null, null, null, PageQuery.of(1, 50)).items();
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/atom+xml;charset=UTF-8"))
                .body(AtomFeed.of(base, latest));
    }
}
