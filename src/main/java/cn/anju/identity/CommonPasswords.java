package cn.anju.identity;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The 10,000 most common passwords ({@code identity/common-passwords.txt}, its header names the sources) and their
 * obvious variants: a candidate is folded to lower case, leet-substituted (0→o, 1→l or i, 3→e, 4→a, 5→s, @→a, $→s)
 * and stripped of leading and trailing digits and symbols before it is looked up, so {@code Password1},
 * {@code Passw0rd!}, {@code Admin@123} and {@code Qwerty123!} are all the same common password.
 */
@Component
class CommonPasswords {

    static final String RESOURCE = "identity/common-passwords.txt";
    /** Shorter cores (e.g. the "ab" of "Ab#12345678") say nothing; the length rule deals with those. */
    static final int MIN_CORE = 4;

    private final Set<String> words;

    CommonPasswords() {
        Set<String> loaded = new HashSet<>(16_384);
        try (var in = new BufferedReader(new InputStreamReader(new ClassPathResource(RESOURCE).getInputStream(),
                StandardCharsets.UTF_8))) {
            in.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#"))
                    .forEach(l -> loaded.add(l.toLowerCase(Locale.ROOT)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
        this.words = Set.copyOf(loaded);
    }

    int size() {
        return words.size();
    }

    boolean isCommon(String password) {
        return password != null && variants(password).stream().anyMatch(words::contains);
    }

    /** The forms a password is looked up under. */
    static Set<String> variants(String password) {
        String lower = password.toLowerCase(Locale.ROOT);
        Set<String> forms = new LinkedHashSet<>();
        for (String form : new String[]{lower, leet(lower, 'l'), leet(lower, 'i')}) {
            forms.add(form);
            forms.add(strip(form));
            forms.add(stripTrailing(form));
        }
        for (String stripped : new String[]{strip(lower), stripTrailing(lower)}) {
            forms.add(leet(stripped, 'l'));
            forms.add(leet(stripped, 'i'));
        }
        forms.removeIf(f -> f.length() < MIN_CORE);
        return forms;
    }

    static String leet(String s, char one) {
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            b.append(switch (c) {
                case '0' -> 'o';
                case '1' -> one;
                case '3' -> 'e';
                case '4', '@' -> 'a';
                case '5', '$' -> 's';
                default -> c;
            });
        }
        return b.toString();
    }

    /** Without leading and trailing digits and symbols. */
    static String strip(String s) {
        int start = 0;
        while (start < s.length() && !Character.isLetter(s.charAt(start))) {
            start++;
        }
        return stripTrailing(s.substring(start));
    }

    static String stripTrailing(String s) {
        int end = s.length();
        while (end > 0 && !Character.isLetter(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(0, end);
    }
}
