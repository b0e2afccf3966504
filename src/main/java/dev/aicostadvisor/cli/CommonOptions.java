package dev.aicostadvisor.cli;

import java.nio.file.Path;

import picocli.CommandLine.Option;

/** Options shared by every subcommand that loads rules. */
final class CommonOptions {

    @Option(names = "--rules", paramLabel = "DIR",
            description = "Rules folder to load. Default: ./rules when it exists, else the rules bundled in the jar.")
    Path rules;

    @Option(names = {"-q", "--quiet"}, description = "Log only warnings and errors on standard error.")
    boolean quiet;

    @Option(names = {"-v", "--verbose"}, description = "Log each phase's rule firings, and stack traces of internal errors.")
    boolean verbose;

    void applyLogging() {
        Logging.configure(quiet, verbose);
    }
}
