package cn.anju.identity;

import org.springframework.data.repository.ListCrudRepository;

import java.util.List;
import java.util.Optional;

interface Organisations extends ListCrudRepository<Organisation, Long> {

    Optional<Organisation> findByCode(String code);

    List<Organisation> findAllByOrderByTypeAscRegionCodeAscCodeAsc();

    List<Organisation> findByType(OrganisationType type);
}
