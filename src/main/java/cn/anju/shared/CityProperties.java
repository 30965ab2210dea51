package cn.anju.shared;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.ZoneId;

/**
 * The city the installation serves, set once in {@code application.yml} ({@code anju.zone}, {@code anju.city-code}):
 * its time zone, in which every "today", deadline, receipt time and nightly job is reckoned (the {@code Clock} bean
 * runs in it, so code takes it from the clock), and its GB/T 2260 code, the region of the city-wide defaults and of
 * the city bureau. Nothing else in the code names either, so another city is a configuration change.
 *
 * @param zone     Beijing time for any city in China (the value is in {@code application.yml})
 * @param cityCode the prefecture-level city's division code (榆林市 for this installation), ending in {@code 00}
 */
@ConfigurationProperties("anju")
public record CityProperties(ZoneId zone, String cityCode) {

    public CityProperties {
        if (zone == null) {
            throw new IllegalArgumentException("anju.zone is not set");
        }
        if (cityCode == null || !DistrictCode.of(cityCode).isCity()) {
            throw new IllegalArgumentException("anju.city-code must be a city's six-digit code ending in 00: " + cityCode);
        }
    }

    /** The city bureau's organisation code, which the installation and the demo create: {@code HB-} and the city code. */
    public String cityBureauCode() {
        return "HB-" + cityCode;
    }
}
