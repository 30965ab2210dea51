package cn.anju.household;

import org.springframework.modulith.NamedInterface;

import java.util.Set;

/**
 * Which households already have a home through the platform (an open lease): they are not waiting. Implemented by
 * the lease module, which knows; the household module asks through this interface so that it need not depend on
 * leases (leases depend on households).
 */
@NamedInterface("api")
public interface HousedHouseholds {

    /** The housed households of a district, or of every district when the code is null. */
    Set<Long> housed(String districtCode);
}
