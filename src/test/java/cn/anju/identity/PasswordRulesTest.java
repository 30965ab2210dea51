package cn.anju.identity;

import cn.anju.shared.Role;
import cn.anju.shared.web.ProblemException;
import cn.anju.support.PlatformTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Issue 13 (6): common passwords and their obvious variants, the user name, and the last five are refused. */
@PlatformTest
class PasswordRulesTest {

    @Autowired
    PasswordRules rules;
    @Autowired
    CommonPasswords common;
    @Autowired
    AccountAdministration accounts;
    @Autowired
    TestAccounts seeding;
    @Autowired
    AccountUserDetailsService users;

    CurrentUser user(String username) {
        return ((AccountUserDetails) users.loadUserByUsername(username)).currentUser();
    }

    @Test
    void theShippedListHoldsTenThousandPasswords() {
        assertThat(common.size()).isEqualTo(10_000);
    }

    @Test
    void commonPasswordsAndTheirObviousVariantsAreRefused() {
        // each passes length and the three classes, so only the list refuses it (Password1 was accepted before)
        for (String password : List.of("Password1", "Passw0rd!", "P@ssw0rd2026", "Admin@123", "Qwerty123!", "Iloveyou1!",
                "Dragon#2026", "!Monkey123", "Woaini1314!", "Demo@2026", "Letme1n!2", "Sh4d0w!99")) {
            assertThatThrownBy(() -> rules.check(password, "someone", null, null)).as(password)
                    .isInstanceOf(ProblemException.class)
                    .hasFieldOrPropertyWithValue("code", "PASSWORD_TOO_COMMON")
                    .hasMessageContaining("最常见的密码");
        }
        for (String password : List.of("Kassen-Buch-73", "Own-Secret-4711", "Chosen-Pass-2", "Tenant-Pass-1", "榆林Rent2026!")) {
            assertThatCode(() -> rules.check(password, "someone", null, null)).as(password).doesNotThrowAnyException();
        }
    }

    @Test
    void theUserNameIsRefusedInAnySpelling() {
        assertThatThrownBy(() -> rules.check("Zhou.Ming-2026", "zhou.ming", null, null))
                .hasFieldOrPropertyWithValue("code", "PASSWORD_CONTAINS_USERNAME");
        assertThatThrownBy(() -> rules.check("Xx-ZH0U.M1NG-9", "zhou.ming", null, null))
                .hasFieldOrPropertyWithValue("code", "PASSWORD_CONTAINS_USERNAME");
    }

    @Test
    void noneOfTheLastFivePasswordsComesBack() {
        String username = "history." + UUID.randomUUID().toString().substring(0, 6);
        seeding.account(username, "历史测试", "OP-YLAJ", Set.of(Role.OPERATOR_STAFF), Set.of(), "Start-Word-01", false);
        String current = "Start-Word-01";
        for (String next : List.of("Second-Word-02", "Third-Word-03", "Fourth-Word-04", "Fifth-Word-05")) {
            accounts.changeOwnPassword(user(username), current, next, next);
            current = next;
        }
        // the first password is the fifth newest: still refused
        String now = current;
        assertThatThrownBy(() -> accounts.changeOwnPassword(user(username), now, "Start-Word-01", "Start-Word-01"))
                .isInstanceOf(ProblemException.class)
                .hasFieldOrPropertyWithValue("code", "PASSWORD_REUSED")
                .hasMessageContaining("最近 5 次");
        accounts.changeOwnPassword(user(username), now, "Sixth-Word-06", "Sixth-Word-06");
        // now it is the sixth newest: allowed again
        accounts.changeOwnPassword(user(username), "Sixth-Word-06", "Start-Word-01", "Start-Word-01");
    }
}
