package cn.anju.identity;

import org.springframework.data.repository.ListCrudRepository;

import java.util.Optional;

interface UserAccounts extends ListCrudRepository<UserAccount, Long> {

    Optional<UserAccount> findByUsername(String username);

    boolean existsByUsername(String username);

    Optional<UserAccount> findByHouseholdMemberId(Long householdMemberId);
}
