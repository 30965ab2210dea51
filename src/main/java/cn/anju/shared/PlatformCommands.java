package cn.anju.shared;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.util.List;

/** Runs the {@link PlatformCommand} named by {@code anju.command}, if any, after start-up. */
@Component
@Order(100)
class PlatformCommands implements ApplicationRunner, ExitCodeGenerator {

    private final List<PlatformCommand> commands;
    private final String requested;
    private int exitCode;

    PlatformCommands(List<PlatformCommand> commands, @Value("${anju.command:}") String requested) {
        this.commands = commands;
        this.requested = requested;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (requested.isBlank()) {
            return;
        }
        PlatformCommand command = commands.stream().filter(c -> c.name().equals(requested)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown command '" + requested + "'; known: "
                        + commands.stream().map(PlatformCommand::name).toList()));
        exitCode = command.run();
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}
