package cn.anju.shared.web;

import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Links to another page of the current list for templates ({@code ${@pageLinks.to(2)}}): the current URL with its
 * filters kept and only {@code page} replaced, so every list pages the same way and stays bookmarkable.
 */
@Component("pageLinks")
public class PageLinks {

    /** The current list's filters on another path, e.g. its Excel export. */
    public String export(String path) {
        return ServletUriComponentsBuilder.fromCurrentRequest().replacePath(path).replaceQueryParam("page")
                .build().toUriString().replaceFirst("^https?://[^/]+", "");
    }

    public String to(int page) {
        return ServletUriComponentsBuilder.fromCurrentRequest().replaceQueryParam("page", page)
                .build().toUriString().replaceFirst("^https?://[^/]+", "");
    }
}
