package dev.aicostadvisor.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.UnaryOperator;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The {@code --progress} option of a batch, and the rule that decides whether a progress bar is drawn.
 *
 * <p>Java 17 cannot ask whether standard error is a terminal: {@code System.console()} is not null only
 * when standard input and standard output both are. So the {@code advisor} launcher tests its streams
 * with the shell's {@code [ -t 1 ]} and {@code [ -t 2 ]} and passes the results as the system properties
 * {@value #STDOUT_TERMINAL} and {@value #STDERR_TERMINAL}. Without them, as under {@code java -jar}, a
 * console means an interactive session whose standard error is taken to be the same terminal, and no
 * console means no bar.
 */
final class ProgressOptions {

    /** The system property set to true when standard output is a terminal, and to false otherwise. */
    static final String STDOUT_TERMINAL = "advisor.stdout.terminal";
    /** The system property set to true when standard error is a terminal, and to false otherwise. */
    static final String STDERR_TERMINAL = "advisor.stderr.terminal";

    /** When to draw the bar. */
    enum When { AUTO, ALWAYS, NEVER }

    /**
     * The terminal status of the process's standard streams, as far as it is known.
     *
     * @param stdoutMayBeTerminal false only when standard output is known not to be a terminal
     * @param stderrIsTerminal    whether standard error is taken to be a terminal
     */
    record Terminals(boolean stdoutMayBeTerminal, boolean stderrIsTerminal) {

        /** Reads the launcher's properties, else falls back on {@code System.console()}. */
        static Terminals probe() {
            return of(System::getProperty, System.getenv("TERM"), System.console() != null);
        }

        /**
         * Decides from the launcher's properties, the {@code TERM} variable and whether a console exists.
         * A terminal whose {@code TERM} is {@code dumb} cannot clear a line, so it gets no bar.
         */
        static Terminals of(UnaryOperator<String> properties, String term, boolean console) {
            boolean stdout = flag(properties.apply(STDOUT_TERMINAL), true);
            boolean stderr = flag(properties.apply(STDERR_TERMINAL), console);
            return new Terminals(stdout, stderr && !"dumb".equals(term));
        }

        private static boolean flag(String value, boolean fallback) {
            return value == null ? fallback : Boolean.parseBoolean(value);
        }
    }

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = "--progress", paramLabel = "WHEN",
            description = "Draw a progress bar on standard error while a batch of several scenarios runs: auto, always or never. "
                    + "Default: auto, which draws it when standard error is a terminal and --quiet is not given.")
    String when = "auto";

    /**
     * Decides whether a batch draws a progress bar.
     *
     * @param batch whether several scenarios are read, or a stream whose length is not known
     */
    static boolean drawsBar(When when, boolean batch, boolean quiet, Terminals terminals) {
        return switch (when) {
            case ALWAYS -> batch;
            case NEVER -> false;
            case AUTO -> batch && !quiet && terminals.stderrIsTerminal();
        };
    }

    /**
     * Builds the progress bar of a run, or a disabled one.
     *
     * @param total           the number of scenarios, or -1 when it is not known in advance
     * @param reportsToStdout whether the reports go to standard output, as opposed to an output file
     */
    ProgressBar create(PrintWriter err, int total, boolean batch, boolean quiet, boolean reportsToStdout) {
        Terminals terminals = Terminals.probe();
        if (!drawsBar(parse(), batch, quiet, terminals)) {
            return ProgressBar.disabled();
        }
        boolean sameTerminal = reportsToStdout && terminals.stdoutMayBeTerminal();
        return new ProgressBar(err, total, sameTerminal, System::nanoTime);
    }

    private When parse() {
        try {
            return When.valueOf(when.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(),
                    "Invalid value for option '--progress': '" + when + "'; expected auto, always or never");
        }
    }
}
