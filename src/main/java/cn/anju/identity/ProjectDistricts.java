package cn.anju.identity;

import org.springframework.modulith.NamedInterface;

import java.util.Optional;

/**
 * Which district a project lies in, for checks the identity module makes on scope rows it records (an engagement for
 * a project must name the project's own district). A port owned by identity and implemented by the housing module,
 * which owns projects: identity depends on no business module.
 */
@NamedInterface("api")
public interface ProjectDistricts {

    Optional<String> districtOf(long projectId);
}
