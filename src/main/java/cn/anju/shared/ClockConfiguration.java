package cn.anju.shared;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

/**
 * One clock for the whole platform, in the city's zone ({@code anju.zone}), so that tests can move time instead of
 * waiting for it and code reads the zone from the clock ({@code LocalDate.now(clock)}, {@code clock.getZone()}).
 */
@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

    @Bean
    Clock clock(CityProperties city) {
        return Clock.system(city.zone());
    }
}
