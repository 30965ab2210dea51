package cn.anju.identity;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

import java.time.LocalDate;
import java.util.List;

interface EvaluatorEngagements extends ListCrudRepository<EvaluatorEngagement, Long> {

    @Query("""
            select * from evaluator_engagement
             where evaluator_id = :evaluatorId and valid_from <= :day and (valid_to is null or valid_to >= :day)
             order by district_code, project_id nulls first""")
    List<EvaluatorEngagement> activeFor(Long evaluatorId, LocalDate day);
}
