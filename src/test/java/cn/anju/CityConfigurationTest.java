package cn.anju;

import cn.anju.shared.CityProperties;
import cn.anju.support.TestClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.core.io.ClassPathResource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The city's zone and code are configuration, written once ({@code anju.zone}, {@code anju.city-code} in
 * {@code application.yml}, bound to {@link CityProperties}): the main sources take the zone from the {@code Clock}
 * ({@code LocalDate.now(clock)}, {@code clock.getZone()}, {@code @Scheduled(zone = "${anju.zone}")}) and the code from
 * the properties, so neither is written in Java, not even in a comment that would be copied. Migrations and demo text
 * keep the codes where they are data (the {@code district} rows, a credit code that happens to contain the digits).
 */
class CityConfigurationTest {

    static final Path SOURCES = Path.of("src/main/java/cn/anju");
    static final Properties YAML = yaml();
    static final String ZONE = YAML.getProperty("anju.zone");
    static final String CITY = YAML.getProperty("anju.city-code");

    @Test
    void neitherTheZoneNorTheCityCodeIsWrittenInTheMainSources() throws IOException {
        List<String> found = new ArrayList<>();
        int files = 0;
        try (Stream<Path> paths = Files.walk(SOURCES)) {
            for (Path file : paths.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                files++;
                found.addAll(written(file.toString(), Files.readString(file)));
            }
        }
        assertThat(files).as("files scanned").isGreaterThan(200);
        assertThat(found).as("the zone or the city code written in code (read them from the Clock or CityProperties)").isEmpty();
    }

    @Test
    void theTestsClockRunsInTheConfiguredZone() {
        assertThat(ZONE).as("anju.zone").isNotBlank();
        assertThat(TestClock.clock().getZone()).isEqualTo(ZoneId.of(ZONE));
        assertThat(new CityProperties(ZoneId.of(ZONE), CITY).cityBureauCode()).isEqualTo("HB-" + CITY);
    }

    @Test
    void aCityCodeMustBeACitysCode() {
        assertThatThrownBy(() -> new CityProperties(ZoneId.of(ZONE), CITY.substring(0, 5) + "2"))
                .hasMessageContaining("anju.city-code");
        assertThatThrownBy(() -> new CityProperties(null, CITY)).hasMessageContaining("anju.zone");
    }

    // The scanner on planted sources: a check that cannot fail proves nothing.

    @Test
    void theScannerFindsBothButNotADistrictOrACreditCode() {
        String planted = """
                class Planted {
                    static final ZoneId Z = ZoneId.of("%s");
                    String region = "%s";
                    String district = "%s"; String credit = "91%sMA70000001";
                }
                """.formatted(ZONE, CITY, CITY.substring(0, 5) + "2", CITY);
        assertThat(written("Planted.java", planted)).containsExactly("Planted.java:2 " + ZONE, "Planted.java:3 " + CITY);
    }

    static List<String> written(String file, String source) {
        List<String> found = new ArrayList<>();
        // the city code as a code of its own: not a digit run it is part of (a credit code, a longer number)
        Pattern pattern = Pattern.compile(Pattern.quote(ZONE) + "|(?<![0-9])" + Pattern.quote(CITY) + "(?![0-9])");
        String[] lines = source.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            Matcher m = pattern.matcher(lines[i]);
            while (m.find()) {
                found.add(file + ":" + (i + 1) + " " + m.group());
            }
        }
        return found;
    }

    private static Properties yaml() {
        YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
        yaml.setResources(new ClassPathResource("application.yml"));
        return yaml.getObject();
    }
}
