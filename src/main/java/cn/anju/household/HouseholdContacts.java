package cn.anju.household;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;

import java.util.List;
import java.util.Optional;

/**
 * Which household a phone number belongs to, through the keyed index (the number itself is never compared or
 * stored in clear): a complaint by phone finds its household. Only a number that names exactly one household matches.
 */
@NamedInterface("api")
@Service
public class HouseholdContacts {

    private final JdbcClient jdbc;
    private final MemberIdentity identity;

    HouseholdContacts(JdbcClient jdbc, MemberIdentity identity) {
        this.jdbc = jdbc;
        this.identity = identity;
    }

    public Optional<Long> byPhone(String phone) {
        if (phone == null || !phone.replaceAll("[\\s-]", "").matches("1[3-9][0-9]{9}")) {
            return Optional.empty();
        }
        var households = jdbc.sql("select distinct household_id from household_member where phone_index = any(?) limit 2")
                .param(identity.phoneIndexes(phone)).query(Long.class).list();
        return households.size() == 1 ? Optional.of(households.getFirst()) : Optional.empty();
    }

    /** The district a household is registered in (it may have no home yet: an applicant can complain too). */
    public Optional<String> districtOf(long householdId) {
        return jdbc.sql("select district_code from household where id = ?").param(householdId).query(String.class).optional();
    }

    /** Households with a member of this exact name (the desk's search by name); at most 200. */
    public List<Long> named(String name) {
        if (name == null || name.isBlank()) {
            return List.of();
        }
        return jdbc.sql("select distinct household_id from household_member where name = ? order by 1 limit 200")
                .param(name.trim()).query(Long.class).list();
    }

    /** The keyed index of a phone number, to find cases and records by it without storing it. */
    public String phoneIndex(String phone) {
        return identity.phoneIndex(phone);
    }

    /** Every index a stored record may hold for this phone number (see {@link MemberIdentity#phoneIndexes}). */
    public String[] phoneIndexes(String phone) {
        return identity.phoneIndexes(phone);
    }

    /** The purpose phone indexes are computed with, for a module that registers its own column of them. */
    public static final String PHONE_INDEX_PURPOSE = MemberIdentity.PHONE;
}
