package cn.anju.disclosure.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An item's content as the public page shows it: its named fields in a fixed order (labels from the messages,
 * {@code dc.field.<name>}), lists joined, a public page of the platform (a round's lottery page) as a link, an
 * evaluation's leaves and a quarter's statistics as rows. Fields without a label are left to the JSON, which carries
 * everything.
 */
record PublicContent(List<Field> fields, List<Map<String, Object>> leaves, List<Map<String, Object>> figures) {

    /** @param link the value is a public page of the platform, shown as a link */
    record Field(String name, String value, boolean link) {
    }

    static final List<String> ORDER = List.of("contractNo", "title", "district", "purchaser", "operator", "method", "period", "periodLabel",
            "year", "singleSourceReason", "budget", "announcedOn", "winner", "awardedOn", "bidders",
            "project", "standardKind", "rate", "effectiveFrom", "basis",
            "housingProjects", "selectionMethod", "drawnOn", "applicants", "units",
            "hotline", "wechat", "weibo", "email",
            "startsOn", "endsOn", "signedOn", "approvedOn", "serviceItems", "projects", "fees", "treeVersion", "total", "band", "totalYuan",
            "lines", "algorithm", "listDigest", "seedCommitment", "publicValue", "seed", "lotteryPage", "contactPage", "casesPage", "note");

    @SuppressWarnings("unchecked")
    static PublicContent of(Object content) {
        if (!(content instanceof Map<?, ?> map)) {
            return new PublicContent(List.of(), List.of(), List.of());
        }
        List<Field> fields = new ArrayList<>();
        for (String name : ORDER) {
            Object v = map.get(name);
            if (v != null && !name.equals("period")) {
                String text = text(v);
                fields.add(new Field(name, text, name.endsWith("Page") && text.startsWith("/public/")));
            }
        }
        List<Map<String, Object>> leaves = map.get("leaves") instanceof List<?> l ? (List<Map<String, Object>>) l : List.of();
        List<Map<String, Object>> figures = map.get("figures") instanceof List<?> f ? (List<Map<String, Object>>) f : List.of();
        return new PublicContent(fields, leaves, figures);
    }

    private static String text(Object v) {
        return switch (v) {
            case List<?> list -> String.join("、", list.stream().map(PublicContent::text).toList());
            case Map<?, ?> m -> String.join("；", m.entrySet().stream().map(e -> e.getKey() + "：" + text(e.getValue())).toList());
            case BigDecimal b -> b.stripTrailingZeros().toPlainString();
            default -> String.valueOf(v);
        };
    }
}
