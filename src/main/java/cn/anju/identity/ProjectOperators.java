package cn.anju.identity;

import cn.anju.shared.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Which operator serves a project on a day, by its coverage: a coverage of the project itself first, else one of its
 * whole district. A case, a task or a report about the project goes to that operator.
 */
@NamedInterface("api")
@Service
public class ProjectOperators {

    private final JdbcClient jdbc;

    ProjectOperators(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The operator's managers who can be told of its overdue work: enabled accounts holding OPERATOR_MANAGER there. */
    public List<Long> managersOf(long operatorId) {
        return jdbc.sql("""
                        select u.id from app_user u join user_role r on r.app_user = u.id
                         where u.organisation_id = ? and u.enabled and r.role = ? order by u.id""")
                .params(operatorId, Role.OPERATOR_MANAGER.name()).query(Long.class).list();
    }

    public Optional<Long> serving(String districtCode, long projectId, LocalDate day) {
        return jdbc.sql("""
                        select operator_id from operator_coverage
                         where district_code = ? and (project_id = ? or project_id is null)
                           and valid_from <= ? and (valid_to is null or valid_to >= ?)
                         order by project_id nulls last, valid_from desc limit 1""")
                .params(districtCode, projectId, day, day).query(Long.class).optional();
    }
}
