package cn.anju.identity;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

import java.time.LocalDate;
import java.util.List;

interface OperatorCoverages extends ListCrudRepository<OperatorCoverage, Long> {

    @Query("""
            select * from operator_coverage
             where operator_id = :operatorId and valid_from <= :day and (valid_to is null or valid_to >= :day)
             order by district_code, project_id nulls first""")
    List<OperatorCoverage> activeFor(Long operatorId, LocalDate day);

    /** Rows ended before the day whose wind-down still runs on it: what the contract's end leaves the operator to finish. */
    @Query("""
            select * from operator_coverage
             where operator_id = :operatorId and valid_to < :day and valid_to >= valid_from
               and valid_to + wind_down_days >= :day
             order by district_code, project_id nulls first""")
    List<OperatorCoverage> windingDownFor(Long operatorId, LocalDate day);

    List<OperatorCoverage> findAllByOrderByDistrictCodeAscValidFromDesc();

    List<OperatorCoverage> findByDistrictCodeOrderByValidFromDesc(String districtCode);
}
