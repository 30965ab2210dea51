package cn.anju;

import cn.anju.support.JavaStringLiterals;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.Authentication;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each module writes its role sets once, in its {@code *Access} class, and every {@code @PreAuthorize} names one of
 * them as {@code "@<module>Access.<set>(authentication)"} (docs/architecture.md, "How to add a module", step 6). A role
 * list written inline in a controller drifts from the menu entry and the role gate that should say the same; this
 * scans the main sources the way {@code TableOwnershipTest} scans SQL.
 */
class RoleSetsTest {

    static final Path SOURCES = Path.of("src/main/java/cn/anju");
    /** A role written as text: SpEL's {@code hasRole('X')} in a string, or {@code .hasAnyRole("X")} in code. */
    static final Pattern INLINE_ROLE = Pattern.compile("has(Any)?Role\\s*\\(\\s*[\"']");
    static final Pattern EXPRESSION = Pattern.compile("@PreAuthorize\\(\\s*\"([^\"]*)\"");
    /** Text blocks, strings and characters (skipped whole, so "/api/*" opens no comment), or a comment (group 1). */
    static final Pattern CODE_TOKENS = Pattern.compile(
            "\"\"\"[\\s\\S]*?\"\"\"|\"(?:\\\\.|[^\"\\\\\n])*\"|'(?:\\\\.|[^'\\\\\n])'|(//[^\n]*|/\\*[\\s\\S]*?\\*/)");
    static final Pattern ACCESS_CALL = Pattern.compile("@([a-z][a-zA-Z]*)Access\\.([a-zA-Z]+)\\(authentication\\)");

    @Test
    void noRoleListIsWrittenOutsideTheAccessClasses() throws IOException {
        List<String> found = new ArrayList<>();
        int files = 0;
        for (Path file : sources()) {
            files++;
            if (!file.getFileName().toString().endsWith("Access.java")) {
                found.addAll(inlineRoles(file.toString(), Files.readString(file)));
            }
        }
        assertThat(files).as("files scanned").isGreaterThan(200);
        assertThat(found).as("role lists written inline (name a set of the module's *Access class instead)").isEmpty();
    }

    @Test
    void everyPreAuthorizeNamesARoleSetOfItsModulesAccessBean() throws IOException {
        List<String> wrong = new ArrayList<>();
        int checked = 0;
        for (Path file : sources()) {
            String module = SOURCES.relativize(file).getName(0).toString();
            String source = withoutComments(Files.readString(file));
            Matcher m = EXPRESSION.matcher(source);
            while (m.find()) {
                checked++;
                String where = file + ":" + lineOf(source, m.start());
                String problem = problem(module, m.group(1));
                if (problem != null) wrong.add(where + " " + problem);
            }
        }
        assertThat(checked).as("@PreAuthorize annotations found").isGreaterThan(60);
        assertThat(wrong).isEmpty();
    }

    // The scanners themselves, on planted sources: a check that cannot fail proves nothing.

    @Test
    void theScannerFindsRolesWrittenAsTextButNotInComments() {
        String planted = """
                class Planted {
                    // hasRole('TENANT') in a comment is prose
                    @PreAuthorize("hasAnyRole('GOV_ADMIN','GOV_OFFICER')")
                    void a() { http.authorizeHttpRequests(x -> x.anyRequest().hasRole("MONITOR")); }
                    void b() { x.hasAnyRole(gate.roleNames()); }
                }
                """;
        assertThat(inlineRoles("Planted.java", planted)).containsExactly("Planted.java:3", "Planted.java:4");
    }

    @Test
    void anExpressionMustCallAnExistingSetOfItsOwnModule() {
        assertThat(problem("lease", "@leaseAccess.clerks(authentication)")).isNull();
        assertThat(problem("lease", "@leaseAccess.clerk(authentication)")).contains("no public method");
        assertThat(problem("lease", "@rentAccess.staff(authentication)")).contains("no *Access class of the module lease");
        assertThat(problem("lease", "hasRole('TENANT')")).contains("not a role set");
        assertThat(problem("lease", "@leaseAccess.clerks(authentication) or hasRole('TENANT')")).contains("not a role set");
    }

    static List<String> inlineRoles(String file, String source) {
        List<String> found = new ArrayList<>();
        String code = withoutComments(source);
        Matcher m = INLINE_ROLE.matcher(code);
        while (m.find()) {
            found.add(file + ":" + lineOf(code, m.start()));
        }
        for (JavaStringLiterals.Literal literal : JavaStringLiterals.of(source)) {
            Matcher inLiteral = Pattern.compile("has(Any)?Role\\s*\\(").matcher(literal.text());
            while (inLiteral.find()) {
                String at = file + ":" + literal.lineAt(inLiteral.start());
                if (!found.contains(at)) found.add(at);
            }
        }
        return found;
    }

    /** Why an expression is not one call of a role set of the module's own {@code *Access} bean, or null. */
    static String problem(String module, String expression) {
        Matcher m = ACCESS_CALL.matcher(expression.strip());
        if (!m.matches()) {
            return "`" + expression + "` is not a role set (@" + module + "Access.<set>(authentication))";
        }
        // the bean's class, by Spring's naming, must be in the module's own package: its roles are its own
        String className = "cn.anju." + module + "." + Character.toUpperCase(m.group(1).charAt(0)) + m.group(1).substring(1) + "Access";
        Class<?> access;
        try {
            access = Class.forName(className);
        } catch (ClassNotFoundException e) {
            return "`" + expression + "` names no *Access class of the module " + module + " (" + className + ")";
        }
        try {
            Method method = access.getDeclaredMethod(m.group(2), Authentication.class);
            return Modifier.isPublic(method.getModifiers()) && method.getReturnType() == boolean.class ? null
                    : "`" + expression + "`: " + className + "." + m.group(2) + " is not a public boolean method";
        } catch (NoSuchMethodException e) {
            return "`" + expression + "`: no public method " + m.group(2) + "(Authentication) in " + className;
        }
    }

    private static List<Path> sources() throws IOException {
        try (Stream<Path> paths = Files.walk(SOURCES)) {
            return paths.filter(p -> p.toString().endsWith(".java") && SOURCES.relativize(p).getNameCount() > 1).sorted().toList();
        }
    }

    /** The source with comments blanked but its lines kept, so that prose about roles is not a role list. */
    private static String withoutComments(String source) {
        StringBuilder out = new StringBuilder(source);
        Matcher m = CODE_TOKENS.matcher(source);
        while (m.find()) {
            if (m.group(1) == null) continue; // a string or character literal: kept
            for (int i = m.start(); i < m.end(); i++) {
                if (out.charAt(i) != '\n') out.setCharAt(i, ' ');
            }
        }
        return out.toString();
    }

    private static int lineOf(String text, int index) {
        int line = 1;
        for (int i = 0; i < index; i++) {
            if (text.charAt(i) == '\n') line++;
        }
        return line;
    }
}
