package cn.anju;

import cn.anju.support.JavaStringLiterals;
import cn.anju.support.SqlTableReferences;
import cn.anju.support.TableOwnership;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each module owns its tables: SQL in a module's main sources (string literals and text blocks) names only the
 * module's own tables and views and what other modules publish for readers. The one map is the table in
 * {@code docs/architecture.md} ("Tables each module owns"), so a new table needs its row there before any SQL may
 * use it. The {@code demo} module is scanned like the others: it makes its city through the modules' actions and
 * owns no table, so no SQL of its may name one.
 */
class TableOwnershipTest {

    static final Path SOURCES = Path.of("src/main/java/cn/anju");
    static final TableOwnership MAP = TableOwnership.fromDocs();

    @Test
    void everyTableAndViewOfTheMigrationsHasExactlyOneOwner() {
        Set<String> migrated = TableOwnership.migratedRelations();
        assertThat(MAP.relations()).as("relations in the ownership table").containsExactlyInAnyOrderElementsOf(migrated);
        List<String> twice = new ArrayList<>();
        MAP.owned().forEach((module, relations) -> relations.forEach(r -> MAP.owned().forEach((other, theirs) -> {
            if (!other.equals(module) && theirs.contains(r)) twice.add(r + " in " + module + " and " + other);
        })));
        MAP.published().forEach((module, relations) -> relations.forEach(r -> {
            if (!module.equals(MAP.ownerOf(r))) twice.add(r + " published by " + module + " but owned by " + MAP.ownerOf(r));
        }));
        assertThat(twice).as("relations with two owners").isEmpty();
    }

    @Test
    void noModulesSqlNamesAnotherModulesTable() throws IOException {
        List<String> violations = new ArrayList<>();
        int files = 0;
        try (Stream<Path> paths = Files.walk(SOURCES)) {
            for (Path file : paths.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                Path relative = SOURCES.relativize(file);
                String module = relative.getNameCount() > 1 ? relative.getName(0).toString() : null;
                if (module == null) continue;
                assertThat(MAP.owned()).as("module " + module + " has a row in " + TableOwnership.DOCS).containsKey(module);
                violations.addAll(violations(module, file.toString(), Files.readString(file), MAP));
                files++;
            }
        }
        assertThat(files).as("files scanned").isGreaterThan(200);
        assertThat(violations).as("SQL naming another module's table (read it through the owner's query service or a view it publishes)")
                .isEmpty();
    }

    /** Each use of another module's unpublished relation as "file:line module uses `relation` of owner". */
    static List<String> violations(String module, String file, String source, TableOwnership map) {
        List<String> found = new ArrayList<>();
        for (JavaStringLiterals.Literal literal : JavaStringLiterals.of(source)) {
            for (SqlTableReferences.Reference ref : SqlTableReferences.in(literal, map.relations())) {
                if (!map.mayUse(module, ref.relation())) {
                    found.add(file + ":" + ref.line() + " " + module + " uses `" + ref.relation() + "` of "
                            + map.ownerOf(ref.relation()));
                }
            }
        }
        return found;
    }

    // The scanner itself, on planted sources: a check that cannot fail proves nothing.

    static final TableOwnership PLANTED_MAP = new TableOwnership(
            Map.of("housing", Set.of("unit", "project", "building"), "identity", Set.of("app_user"),
                    "maintenance", Set.of("work_order")),
            Map.of("housing", Set.of("unit_label"), "identity", Set.of(), "maintenance", Set.of()));

    @Test
    void theScannerNamesFileLineAndTableForEveryKindOfClause() {
        String source = """
                class Planted {
                    String a = "select w.id from unit u where u.id = ?";
                    String b = \"""
                            select w.id, a.display_name
                              from work_order w
                              join app_user a on a.id = w.created_by
                            \""";
                    void c() { jdbc.sql("update project set name = ? where id = ?"); }
                    String d = "insert into building (number) values (?)";
                    String e = "delete from unit where id = ?";
                    String f = "select 1 from work_order w, unit_label l, UNIT x where l.unit_id = w.unit_id";
                    String g = "select * from work_order w left join lateral (select 1 from public.project p) q on true";
                    String h = "select 1\\nfrom app_user";
                }
                """;
        assertThat(violations("maintenance", "Planted.java", source, PLANTED_MAP)).containsExactly(
                "Planted.java:2 maintenance uses `unit` of housing",
                "Planted.java:6 maintenance uses `app_user` of identity",
                "Planted.java:8 maintenance uses `project` of housing",
                "Planted.java:9 maintenance uses `building` of housing",
                "Planted.java:10 maintenance uses `unit` of housing",
                "Planted.java:11 maintenance uses `unit` of housing",
                "Planted.java:12 maintenance uses `project` of housing",
                "Planted.java:13 maintenance uses `app_user` of identity");
    }

    @Test
    void theScannerIsNotFooledByColumnsCommentsConstantsOrChineseMessages() {
        String source = """
                /** Reads from unit u and join app_user: a comment is not SQL. */
                class Planted {
                    // update project set name = 'x'
                    String a = "select w.unit_id, w.project_id, u.unit, l.label from work_order w join unit_label l on l.unit_id = w.unit_id";
                    String b = "select extract(year from w.created_at) from work_order w where w.kind <> 'from unit'";
                    void c() { throw new ProblemException(404, "UNIT_NOT_FOUND", "房屋unit不存在，请从project列表选择"); }
                    char d = '"';
                    String e = "select count(*) from work_order -- join app_user later";
                    String f = "select app_user_id, unit from work_order";
                }
                """;
        assertThat(violations("maintenance", "Planted.java", source, PLANTED_MAP)).isEmpty();
        assertThat(violations("housing", "Planted.java", "class H { String s = \"select 1 from unit u join project p on true\"; }",
                PLANTED_MAP)).as("a module's own tables").isEmpty();
    }

    @Test
    void theOwnershipTableIsReadFromTheDocsSection() {
        TableOwnership parsed = TableOwnership.parse("""
                # Notes
                | `x` | `not_in_the_section` | |
                ## Tables each module owns
                | module | owns | publishes |
                |---|---|---|
                | `housing` | `unit`, `building` | `unit_label` (how a unit is named) |
                | `identity` | `app_user` | |
                ## Next
                | `y` | `after_the_section` | |
                """);
        assertThat(parsed.owned()).containsOnlyKeys("housing", "identity");
        assertThat(parsed.relations()).containsExactlyInAnyOrder("unit", "building", "unit_label", "app_user");
        assertThat(parsed.mayUse("identity", "unit_label")).isTrue();
        assertThat(parsed.mayUse("identity", "unit")).isFalse();
        assertThat(new TreeSet<>(MAP.owned().keySet())).as("the real table's modules").contains("housing", "identity", "shared");
    }
}
