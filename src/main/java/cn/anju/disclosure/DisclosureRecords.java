package cn.anju.disclosure;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** The disclosure module's tables: items, their versions (written once) and their public change log. */
@Repository
class DisclosureRecords {

    private final JdbcClient jdbc;

    DisclosureRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts the item with its first version, unless the record already has one: then empty. */
    Optional<Long> insert(DisclosureDraft d, LocalDate dueOn, String json, String sha256, Instant at) {
        Optional<Long> id = jdbc.sql("""
                        insert into disclosure_item (district_code, type, source_id, title, final_on, due_on, status, needs_review)
                        values (?, ?, ?, ?, ?, ?, 'DRAFT', ?) on conflict (type, source_id) do nothing returning id""")
                .params(d.districtCode(), d.type().name(), d.sourceId(), d.title(), Date.valueOf(d.finalOn()), Date.valueOf(dueOn),
                        d.type().reviewed())
                .query(Long.class).optional();
        id.ifPresent(item -> {
            version(item, 1, json, sha256, null, at);
            event(item, 1, "DRAFTED", null, null, at);
        });
        return id;
    }

    void version(long itemId, int version, String json, String sha256, Long by, Instant at) {
        jdbc.sql("insert into disclosure_version (item_id, version, content, sha256, drafted_by, drafted_at) values (?, ?, ?, ?, ?, ?)")
                .params(itemId, version, json, sha256, by, Timestamp.from(at)).update();
    }

    void event(long itemId, int version, String kind, String reason, Long actor, Instant at) {
        jdbc.sql("insert into disclosure_event (item_id, version, kind, reason, actor, at) values (?, ?, ?, ?, ?, ?)")
                .params(itemId, version, kind, reason, actor, Timestamp.from(at)).update();
    }

    boolean exists(DisclosureType type, long sourceId) {
        return jdbc.sql("select count(*) from disclosure_item where type = ? and source_id = ?").params(type.name(), sourceId)
                .query(Long.class).single() > 0;
    }

    Optional<DisclosureItem> find(long id) {
        return jdbc.sql("select * from disclosure_item where id = ?").param(id).query(DisclosureRecords::item).optional();
    }

    /** A version's content (JSON) and digest. */
    record Content(int version, String json, String sha256, Instant draftedAt) {
    }

    Content content(long itemId, int version) {
        return jdbc.sql("select version, content, sha256, drafted_at from disclosure_version where item_id = ? and version = ?")
                .params(itemId, version)
                .query((rs, n) -> new Content(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getTimestamp(4).toInstant())).single();
    }

    /** The current versions of several items at once (a page of the public list), by item id. */
    java.util.Map<Long, Content> currentContents(Collection<DisclosureItem> items) {
        java.util.Map<Long, Content> out = new java.util.HashMap<>();
        if (items.isEmpty()) {
            return out;
        }
        jdbc.sql("""
                        select v.item_id, v.version, v.content, v.sha256, v.drafted_at from disclosure_version v
                          join disclosure_item i on i.id = v.item_id and i.content_version = v.version where i.id = any(?)""")
                .param(items.stream().map(DisclosureItem::id).toArray(Long[]::new))
                .query((ResultSet rs) -> {
                    out.put(rs.getLong(1), new Content(rs.getInt(2), rs.getString(3), rs.getString(4), rs.getTimestamp(5).toInstant()));
                });
        return out;
    }

    /** The change logs of several items at once, by item id. */
    java.util.Map<Long, List<Event>> events(Collection<Long> itemIds) {
        java.util.Map<Long, List<Event>> out = new java.util.HashMap<>();
        if (itemIds.isEmpty()) {
            return out;
        }
        jdbc.sql("select item_id, version, kind, reason, at from disclosure_event where item_id = any(?) order by at, id")
                .param(itemIds.toArray(Long[]::new))
                .query((ResultSet rs) -> {
                    out.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                            .add(new Event(rs.getInt(2), rs.getString(3), rs.getString(4), rs.getTimestamp(5).toInstant()));
                });
        return out;
    }

    /** The items of the districts, newest record first; only those in {@code statuses} when given. */
    List<DisclosureItem> where(Collection<String> districts, Collection<DisclosureStatus> statuses) {
        return jdbc.sql("""
                        select * from disclosure_item where district_code = any(?) and (cardinality(?::text[]) = 0 or status = any(?::text[]))
                         order by final_on desc, id desc""")
                .params(districts.toArray(String[]::new), names(statuses), names(statuses)).query(DisclosureRecords::item).list();
    }

    /** What the public reads: published items, filtered, newest first, one page; and how many there are. */
    record PublicQuery(String districtCode, DisclosureType type, String q, LocalDate from, LocalDate to, int page, int size) {
    }

    List<DisclosureItem> published(PublicQuery f) {
        List<Object> params = filter(f);
        params.add(f.size());
        params.add((long) (f.page() - 1) * f.size());
        return jdbc.sql(PUBLISHED + " order by i.final_on desc, i.id desc limit ? offset ?").params(params).query(DisclosureRecords::item).list();
    }

    long countPublished(PublicQuery f) {
        return jdbc.sql(PUBLISHED.replace("select i.*", "select count(*)")).params(filter(f)).query(Long.class).single();
    }

    private static final String PUBLISHED = """
            select i.* from disclosure_item i where i.status = 'PUBLISHED'
               and (?::text is null or i.district_code = ?) and (?::text is null or i.type = ?)
               and (?::text is null or i.title ilike '%' || ? || '%')
               and (?::date is null or i.final_on >= ?) and (?::date is null or i.final_on <= ?)""";

    private static List<Object> filter(PublicQuery f) {
        List<Object> params = new ArrayList<>();
        String type = f.type() == null ? null : f.type().name();
        String q = f.q() == null || f.q().isBlank() ? null : f.q().strip().replace("%", "").replace("_", "");
        Date from = f.from() == null ? null : Date.valueOf(f.from());
        Date to = f.to() == null ? null : Date.valueOf(f.to());
        params.addAll(java.util.Arrays.asList(f.districtCode(), f.districtCode(), type, type, q, q, from, from, to, to));
        return params;
    }

    /** One entry of an item's public change log. */
    record Event(int version, String kind, String reason, Instant at) {
    }

    List<Event> events(long itemId) {
        return jdbc.sql("select version, kind, reason, at from disclosure_event where item_id = ? order by at, id").param(itemId)
                .query((rs, n) -> new Event(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getTimestamp(4).toInstant())).list();
    }

    private static String[] names(Collection<DisclosureStatus> statuses) {
        return statuses.stream().map(Enum::name).toArray(String[]::new);
    }

    private static DisclosureItem item(ResultSet rs, int n) throws SQLException {
        Timestamp first = rs.getTimestamp("first_published_at");
        return new DisclosureItem(rs.getLong("id"), rs.getString("district_code"), DisclosureType.valueOf(rs.getString("type")),
                rs.getLong("source_id"), rs.getString("title"), rs.getObject("final_on", LocalDate.class), rs.getObject("due_on", LocalDate.class),
                DisclosureStatus.valueOf(rs.getString("status")), rs.getBoolean("needs_review"), rs.getInt("content_version"),
                (Long) rs.getObject("drafted_by"), first == null ? null : first.toInstant(), rs.getInt("version"));
    }
}
