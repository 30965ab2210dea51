package cn.anju.shared;

/**
 * An operator's command-line task, run with {@code java -jar anju.jar --anju.command=<name>}: the platform
 * starts without its web server, runs the command, and exits with its code.
 */
public interface PlatformCommand {

    String name();

    /** Runs the task and returns the process exit code (0 = success). */
    int run();
}
