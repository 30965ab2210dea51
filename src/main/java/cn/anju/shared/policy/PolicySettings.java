package cn.anju.shared.policy;

import cn.anju.shared.CityProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Clock;

/**
 * Policy numbers (lease term cap, deposit months, deadlines...) as data with history, per region: the newest row in
 * force for the district, else the city default. Callers check who may change them; the change keeps the old value
 * in the history.
 */
@Component
public class PolicySettings {

    private final JdbcClient jdbc;
    private final Clock clock;
    /** The region of the city-wide defaults ({@code anju.city-code}). */
    private final String cityDefault;

    PolicySettings(JdbcClient jdbc, Clock clock, CityProperties city) {
        this.cityDefault = city.cityCode();
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public int integer(String key, String regionCode) {
        return Integer.parseInt(value(key, regionCode));
    }

    public String value(String key, String regionCode) {
        String region = regionCode == null ? cityDefault : regionCode;
        return jdbc.sql("""
                        select value from policy_setting where key = ? and region_code in (?, ?) and effective_from <= ?
                         order by (region_code = ?) desc, effective_from desc, id desc limit 1""")
                .params(key, region, cityDefault, Timestamp.from(clock.instant()), region)
                .query(String.class).optional()
                .orElseThrow(() -> new IllegalStateException("no policy setting " + key));
    }

    public void change(String key, String regionCode, String value, Long changedBy, String reason) {
        jdbc.sql("insert into policy_setting (region_code, key, value, effective_from, changed_by, reason) values (?, ?, ?, ?, ?, ?)")
                .params(regionCode, key, value, Timestamp.from(clock.instant()), changedBy, reason).update();
    }
}
