package cn.anju.lease;

import cn.anju.household.HousedHouseholds;
import cn.anju.shared.state.States;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;

/**
 * Households with a lease not yet ended are housed, so they leave the waitlist. An expired lease counts too: the
 * household lives in the unit until its move-out is recorded (or it renews), so it must not be offered another unit.
 */
@Component
class OpenLeases implements HousedHouseholds {

    private final JdbcClient jdbc;

    OpenLeases(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Set<Long> housed(String districtCode) {
        return new HashSet<>(jdbc.sql("select household_id from lease where (cast(? as char(6)) is null or district_code = ?) "
                        + "and status = any(?)")
                .params(districtCode, districtCode, States.names(EnumSet.complementOf(EnumSet.of(LeaseStatus.TERMINATED))))
                .query(Long.class).list());
    }
}
