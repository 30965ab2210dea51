package cn.anju.identity;

import cn.anju.shared.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;

import java.util.List;

/** Who in a district's housing bureau is told of what the bureau must do: its enabled accounts holding GOV_OFFICER. */
@NamedInterface("api")
@Service
public class BureauOfficers {

    private final JdbcClient jdbc;

    BureauOfficers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Long> of(String districtCode) {
        return jdbc.sql("""
                        select u.id from app_user u join organisation o on o.id = u.organisation_id
                          join user_role r on r.app_user = u.id
                         where o.type = 'DISTRICT_HOUSING' and o.region_code = ? and u.enabled and r.role = ? order by u.id""")
                .params(districtCode, Role.GOV_OFFICER.name()).query(Long.class).list();
    }
}
