package cn.anju.rent;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * On start, before anything else bills: a bill run that a killed process left half done is taken to its end (see
 * {@link BillRuns#resumeUnfinished}). Other command-line tasks (audit verification, re-encryption) leave it to the
 * next start of the platform or of the bill run.
 */
@Component
@Order(5)
class BillRunRecovery implements ApplicationRunner {

    private final BillRuns runs;
    private final String command;

    BillRunRecovery(BillRuns runs, @Value("${anju.command:}") String command) {
        this.runs = runs;
        this.command = command;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (command.isBlank() || command.equals("bill-run")) {
            runs.resumeUnfinished();
        }
    }
}
