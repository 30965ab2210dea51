package cn.anju.identity;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

import java.util.Optional;

interface UserAccounts extends ListCrudRepository<UserAccount, Long> {

    Optional<UserAccount> findByUsername(String username);

    boolean existsByUsername(String username);

    Optional<UserAccount> findByHouseholdMemberId(Long householdMemberId);

    @Query("select exists (select 1 from user_role where role = :role)")
    boolean roleIsHeld(String role);
}
