package cn.anju.identity;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

import java.time.Instant;

/** An organisation whose people use the platform. Its type decides the roles its members may hold. */
@Table("organisation")
public class Organisation {

    @Id
    private Long id;
    private String code;
    private String name;
    private OrganisationType type;
    private String regionCode;
    private String creditCode;
    private boolean active;
    private Instant createdAt;
    @Version
    private Integer version;

    Organisation() {
    }

    static Organisation create(String code, String name, OrganisationType type, String regionCode, String creditCode,
                               Instant now) {
        if (type.hasRegion() && (regionCode == null || !regionCode.matches("[0-9]{6}"))) {
            throw new IllegalArgumentException("政府机构必须填写6位行政区划代码 / a government body needs its region code");
        }
        Organisation o = new Organisation();
        o.code = code;
        o.name = name;
        o.type = type;
        o.regionCode = type.hasRegion() ? regionCode : null;
        o.creditCode = creditCode;
        o.active = true;
        o.createdAt = now;
        return o;
    }

    public Long id() {
        return id;
    }

    public String code() {
        return code;
    }

    public String name() {
        return name;
    }

    public OrganisationType type() {
        return type;
    }

    public String regionCode() {
        return regionCode;
    }

    public String creditCode() {
        return creditCode;
    }

    public boolean active() {
        return active;
    }

    public boolean isCity() {
        return type == OrganisationType.CITY_BUREAU;
    }
}
