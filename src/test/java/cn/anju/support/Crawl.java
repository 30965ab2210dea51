package cn.anju.support;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Everything one person reaches, as text: from the start pages it follows every link and htmx load of the
 * platform's pages, then every GET of the API, filling a path's id with the ids the API's own lists and the pages
 * gave. A few of each kind are fetched (a kind is the path with its numbers taken out and its query's names), so
 * the walk covers every page, export and PDF without reading every record. PDFs are read with pdftotext and
 * workbooks cell by cell, so a test sees what the person would see.
 */
public final class Crawl {

    /** One answer: where it came from, what it is ({@code html}, {@code json}, {@code pdf}, {@code xlsx}, {@code text}). */
    public record Answer(String url, int status, String kind, String text) {
    }

    private static final Pattern LINK = Pattern.compile("(?:href|hx-get)=\"(/[^\"#]*)[\"#]");
    // signing out, signing in, activation and static files show no one; a language switch would change the formats
    private static final Pattern SKIP = Pattern.compile("^/(logout|login|activate|webjars/|css/|js/|img/|favicon|actuator)|[?&]lang=");
    private static final Pattern NUMBER = Pattern.compile("[0-9]+");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int MAX_REQUESTS = 800;

    private final WebClient client;
    private final int perKind;
    private final Map<String, Integer> kinds = new HashMap<>();
    private final Set<String> seen = new LinkedHashSet<>();
    private final List<Answer> answers = new ArrayList<>();

    private Crawl(WebClient client, int perKind) {
        this.client = client;
        this.perKind = perKind;
    }

    /**
     * @param apiPatterns GET patterns of the API as Spring MVC maps them ({@code /api/v1/households/{id}})
     * @param perKind     how many answers of one kind to fetch
     */
    public static List<Answer> of(WebClient client, Collection<String> starts, Collection<String> apiPatterns, int perKind) {
        Crawl crawl = new Crawl(client, perKind);
        crawl.pages(starts);
        crawl.api(apiPatterns);
        return crawl.answers;
    }

    /** Every GET pattern of the API as Spring MVC maps it ({@code /api/v1/households/{id}}). */
    public static Set<String> apiGets(RequestMappingHandlerMapping mappings) {
        Set<String> paths = new TreeSet<>();
        mappings.getHandlerMethods().keySet().forEach(info -> {
            if (info.getMethodsCondition().getMethods().stream().anyMatch(m -> m.name().equals("GET"))) {
                info.getPatternValues().stream().filter(p -> p.startsWith("/api/v1")).forEach(paths::add);
            }
        });
        return paths;
    }

    private void pages(Collection<String> starts) {
        Deque<String> queue = new ArrayDeque<>(starts);
        while (!queue.isEmpty() && seen.size() < MAX_REQUESTS) {
            String url = queue.poll();
            if (!take(url)) {
                continue;
            }
            Answer answer = fetch(url);
            if (answer.kind().equals("html")) {
                Matcher link = LINK.matcher(answer.text());
                while (link.find()) {
                    queue.add(link.group(1).replace("&amp;", "&"));
                }
            }
        }
    }

    private void api(Collection<String> patterns) {
        Set<String> sorted = new TreeSet<>(patterns); // lists before the records under them
        for (String pattern : sorted) {
            if (!pattern.contains("{")) {
                if (take(pattern)) {
                    fetch(pattern);
                }
            }
        }
        for (String pattern : sorted) {
            int open = pattern.indexOf('{');
            if (open < 0 || pattern.indexOf('{', open + 1) >= 0) {
                continue; // two ids: no list gives a pair
            }
            for (String id : idsFor(pattern)) {
                String url = pattern.replaceAll("\\{[^}]+}", id);
                if (take(url)) {
                    fetch(url);
                }
            }
        }
    }

    /** Ids of the list above the path, then ids in paths already walked that fit it (page or API). */
    private Set<String> idsFor(String pattern) {
        Set<String> ids = new LinkedHashSet<>();
        String list = pattern.substring(0, pattern.indexOf('{') - 1);
        answers.stream().filter(a -> a.url().equals(list) && a.kind().equals("json")).findFirst()
                .ifPresent(a -> collectIds(a.text(), ids));
        String variable = Pattern.quote(pattern).replaceAll("\\{[^}]+}", "\\\\E([0-9]+)\\\\Q");
        Pattern api = Pattern.compile(variable + "(?:\\?.*)?");
        Pattern page = Pattern.compile(variable.replace("/api/v1", "") + "(?:\\?.*)?");
        for (String url : seen) {
            Matcher m = api.matcher(url);
            Matcher p = page.matcher(url);
            if (m.matches()) {
                ids.add(m.group(1));
            } else if (p.matches()) {
                ids.add(p.group(1));
            }
        }
        return ids;
    }

    private static void collectIds(String json, Set<String> ids) {
        try {
            JsonNode root = JSON.readTree(json);
            JsonNode items = root.isArray() ? root : root.path("items");
            for (JsonNode item : items) {
                if (item.path("id").isNumber()) {
                    ids.add(item.path("id").asString());
                }
            }
        } catch (RuntimeException notJson) {
            // an error page or a plain answer: no ids
        }
    }

    private boolean take(String url) {
        if (SKIP.matcher(url).find() || seen.contains(url) || seen.size() >= MAX_REQUESTS) {
            return false;
        }
        String kind = kindOf(url);
        int count = kinds.merge(kind, 1, Integer::sum);
        if (count > perKind) {
            return false;
        }
        seen.add(url);
        return true;
    }

    static String kindOf(String url) {
        int q = url.indexOf('?');
        String path = NUMBER.matcher(q < 0 ? url : url.substring(0, q)).replaceAll("N");
        if (q < 0) {
            return path;
        }
        Set<String> names = new TreeSet<>();
        for (String pair : url.substring(q + 1).split("&")) {
            names.add(pair.split("=", 2)[0]);
        }
        return path + "?" + String.join("&", names);
    }

    private Answer fetch(String url) {
        HttpResponse<byte[]> response = client.getBytes(url);
        String type = response.headers().firstValue("Content-Type").orElse("");
        byte[] body = response.body();
        Answer answer;
        if (type.startsWith("application/pdf")) {
            answer = new Answer(url, response.statusCode(), "pdf", Pdfs.text(body));
        } else if (type.startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml")) {
            answer = new Answer(url, response.statusCode(), "xlsx", xlsxText(body));
        } else {
            String kind = type.contains("json") ? "json" : type.contains("html") ? "html" : "text";
            answer = new Answer(url, response.statusCode(), kind, new String(body, StandardCharsets.UTF_8));
        }
        answers.add(answer);
        return answer;
    }

    static {
        // the audit log's export holds every action of the demo's years of history: more than the JDK's default
        // 100,000-character limits of XML entities, which the workbook reader would otherwise refuse
        System.setProperty("jdk.xml.maxGeneralEntitySizeLimit", "0");
        System.setProperty("jdk.xml.totalEntitySizeLimit", "0");
    }

    /** Every cell as Excel shows it, a tab between cells and a line per row. */
    public static String xlsxText(byte[] xlsx) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            DataFormatter formatter = new DataFormatter();
            StringBuilder text = new StringBuilder();
            for (Sheet sheet : workbook) {
                for (Row row : sheet) {
                    for (Cell cell : row) {
                        text.append(formatter.formatCellValue(cell)).append('\t');
                    }
                    text.append('\n');
                }
            }
            return text.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
