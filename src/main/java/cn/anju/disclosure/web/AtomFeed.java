package cn.anju.disclosure.web;

import cn.anju.disclosure.DisclosureViews;

import java.time.Instant;
import java.util.List;

/** The Atom feed (RFC 4287) of the latest published items, so anyone can follow 信息公开 in a feed reader. */
final class AtomFeed {

    private AtomFeed() {
    }

    static String of(String base, List<DisclosureViews.Detail> items) {
        Instant updated = items.stream().map(d -> d.item().publishedAt()).filter(java.util.Objects::nonNull).max(Instant::compareTo)
                .orElse(Instant.EPOCH);
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\n");
        xml.append("  <title>公租房信息公开</title>\n  <id>").append(escape(base)).append("/public</id>\n");
        xml.append("  <link href=\"").append(escape(base)).append("/public\"/>\n");
        xml.append("  <link rel=\"self\" href=\"").append(escape(base)).append("/public/disclosures.atom\"/>\n");
        xml.append("  <updated>").append(updated).append("</updated>\n");
        for (DisclosureViews.Detail d : items) {
            var i = d.item();
            String link = base + "/public/disclosures/" + i.id();
            xml.append("  <entry>\n    <title>").append(escape(i.title())).append("</title>\n");
            xml.append("    <id>").append(escape(link)).append("</id>\n    <link href=\"").append(escape(link)).append("\"/>\n");
            xml.append("    <updated>").append(i.publishedAt() == null ? updated : i.publishedAt()).append("</updated>\n");
            xml.append("    <author><name>").append(escape(i.districtName())).append("住房保障部门</name></author>\n");
            xml.append("    <category term=\"").append(i.type()).append("\" label=\"").append(escape(i.typeLabel())).append("\"/>\n");
            xml.append("    <summary>").append(escape(i.typeLabel() + " · " + i.districtName() + " · " + i.finalOn())).append("</summary>\n");
            xml.append("  </entry>\n");
        }
        return xml.append("</feed>\n").toString();
    }

    static String escape(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
