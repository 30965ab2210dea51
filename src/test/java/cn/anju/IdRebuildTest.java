package cn.anju;

import cn.anju.shared.privacy.FieldCipher;
import cn.anju.shared.privacy.IdNumbers;
import cn.anju.shared.privacy.Masks;
import cn.anju.support.Crawl;
import cn.anju.support.DemoAccounts;
import cn.anju.support.PlatformTest;
import cn.anju.support.WebClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A masked ID number keeps the area code and the last four; the eight digits it hides are the birth date. So
 * wherever a masked number is shown, no more than the birth year may be shown with it, or the number is whole again.
 * Every demo role (and an anonymous visitor on the public pages) walks every page, API answer, export and PDF it
 * reaches; for each masked number found, the demo database's real numbers that fit the mask are decrypted and the
 * answer must not hold their birth date in any way a date is written.
 */
@PlatformTest
class IdRebuildTest {

    static final Pattern MASKED = Pattern.compile("(?<![0-9A-Za-z])[1-8][0-9]{5}\\*{8}[0-9]{3}[0-9Xx](?![0-9A-Za-z])");
    // 1980-01-05, 1980/1/5, 1980.01.05, 1980年1月5日
    static final Pattern WRITTEN_DATE = Pattern.compile("(?<![0-9])((?:19|20)[0-9]{2})[-/.年]([0-9]{1,2})[-/.月]([0-9]{1,2})(?![0-9])");
    // 19800105 on its own (a letter beside it makes it part of a digest or a reference, not a date)
    static final Pattern COMPACT_DATE = Pattern.compile("(?<![0-9A-Za-z])((?:19|20)[0-9]{2})(0[1-9]|1[0-2])([0-3][0-9])(?![0-9A-Za-z])");

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    FieldCipher cipher;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void noRoleSeesAMaskedIdNumberBesideMoreThanTheBirthYear() {
        Map<String, List<LocalDate>> birthsByMask = birthDatesByMask();
        Set<String> apis = Crawl.apiGets(mappings);
        List<String> rebuilt = new ArrayList<>();
        Map<String, Integer> checkedByKind = new TreeMap<>();
        Set<String> publicPages = new TreeSet<>(Set.of("/", "/demo/outbox"));
        for (DemoAccounts.DemoAccount account : DemoAccounts.ALL) {
            List<Crawl.Answer> answers = Crawl.of(WebClient.loggedIn(port, account.username()), List.of("/"), apis, 4);
            if (account.username().equals("anju.manager")) {
                // the walk reaches the household file, page and API, where the birth date used to sit
                assertThat(answers).extracting(Crawl.Answer::url)
                        .anyMatch(u -> u.matches("/households/[0-9]+")).anyMatch(u -> u.matches("/api/v1/households/[0-9]+"));
            }
            check(account.username(), answers, birthsByMask, rebuilt, checkedByKind);
            answers.stream().map(Crawl.Answer::url).filter(u -> u.startsWith("/public/")).forEach(publicPages::add);
        }
        check("anonymous", Crawl.of(new WebClient(port), publicPages, List.of(), 4), birthsByMask, rebuilt, checkedByKind);

        assertThat(rebuilt).as("masked ID numbers shown with their birth date").isEmpty();
        // the check saw masked numbers of real members on pages, in the API, in exports and in printed PDFs
        assertThat(checkedByKind).containsKeys("html", "json", "xlsx", "pdf");
    }

    private void check(String who, List<Crawl.Answer> answers, Map<String, List<LocalDate>> birthsByMask,
                       List<String> rebuilt, Map<String, Integer> checkedByKind) {
        int checked = 0;
        int whole = 0;
        for (Crawl.Answer answer : answers) {
            Set<LocalDate> dates = datesIn(answer.text());
            Matcher masked = MASKED.matcher(answer.text());
            Set<String> masks = new HashSet<>();
            while (masked.find()) {
                masks.add(masked.group().toUpperCase());
            }
            for (String mask : masks) {
                List<LocalDate> births = birthsByMask.getOrDefault(mask, List.of());
                if (births.isEmpty()) {
                    continue; // not a member's number (a test's own, say): nothing in the database to rebuild
                }
                checked++;
                checkedByKind.merge(answer.kind(), 1, Integer::sum);
                if (births.stream().anyMatch(dates::contains)) {
                    whole++;
                    // the mask and the place only: the birth date beside it would print the number
                    rebuilt.add(who + " " + answer.url() + ": " + mask + " with its birth date");
                }
            }
        }
        if (whole > 0) {
            rebuilt.add(who + ": " + whole + " of " + checked + " masked numbers rebuildable");
        }
    }

    /** Every date written in the text, whichever of the usual ways it is written. */
    static Set<LocalDate> datesIn(String text) {
        Set<LocalDate> dates = new HashSet<>();
        for (Pattern written : List.of(WRITTEN_DATE, COMPACT_DATE)) {
            Matcher m = written.matcher(text);
            while (m.find()) {
                try {
                    dates.add(LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))));
                } catch (DateTimeException notADate) {
                    // 2026-02-31 or an amount such as 20260231: not a date
                }
            }
        }
        return dates;
    }

    /** The birth dates (digits 7-14) of the members' real numbers, by the mask each shows as. */
    private Map<String, List<LocalDate>> birthDatesByMask() {
        List<String> numbers = jdbc.sql("select id_number from household_member").query(String.class).list().stream()
                .map(stored -> cipher.decrypt(stored, "household_member.id_number")).toList();
        assertThat(numbers).isNotEmpty();
        return numbers.stream().collect(Collectors.groupingBy(Masks::idNumber, Collectors.mapping(
                n -> LocalDate.parse(n.substring(6, 14), DateTimeFormatter.BASIC_ISO_DATE), Collectors.toList())));
    }

    @Test
    void theIdNumberCheckAnswersWithTheBirthYearOnly() {
        LocalDate birth = LocalDate.of(1980, 1, 5);
        String number = IdNumbers.of("610802", birth, 123);
        var answer = WebClient.loggedIn(port, "anju.staff").postJson("/api/v1/id-numbers/check", "{\"idNumber\":\"" + number + "\"}");
        assertThat(WebClient.json(answer).get("masked").asString()).isEqualTo(Masks.idNumber(number));
        assertThat(WebClient.json(answer).get("birthYear").asInt()).isEqualTo(1980);
        assertThat(datesIn(answer.body())).doesNotContain(birth);
    }

    @Test
    void theDateScanReadsEveryUsualWayOfWritingADate() {
        LocalDate birth = LocalDate.of(1980, 1, 5);
        for (String written : List.of("1980-01-05", "1980/01/05", "1980/1/5", "1980.01.05", "1980年1月5日", "1980年01月05日",
                "\"19800105\"")) {
            assertThat(datesIn("出生 " + written + " 。")).as(written).contains(birth);
        }
        assertThat(datesIn("1980 年、金额 198001050 元、编号 A19800105B")).doesNotContain(birth);
    }
}
