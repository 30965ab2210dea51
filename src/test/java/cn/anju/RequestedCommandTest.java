package cn.anju;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The command is found wherever Spring would find {@code anju.command}, before Spring starts. */
class RequestedCommandTest {

    @Test
    void fromTheArgumentThenTheSystemPropertyThenTheEnvironment() {
        assertThat(AnjuApplication.requestedCommand(new String[] {"--from=a.anjubak", "--anju.command=restore"}, "backup"))
                .isEqualTo("restore");
        assertThat(AnjuApplication.requestedCommand(new String[] {}, "restore")).as("ANJU_COMMAND=restore").isEqualTo("restore");
        assertThat(AnjuApplication.requestedCommand(new String[] {}, null)).as("the platform itself").isEmpty();
        System.setProperty("anju.command", "audit-verify");
        try {
            assertThat(AnjuApplication.requestedCommand(new String[] {}, "restore")).isEqualTo("audit-verify");
        } finally {
            System.clearProperty("anju.command");
        }
    }
}
