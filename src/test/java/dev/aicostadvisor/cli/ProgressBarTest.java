package dev.aicostadvisor.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.aicostadvisor.cli.ProgressOptions.Terminals;
import dev.aicostadvisor.cli.ProgressOptions.When;

/** The progress bar of a batch: what it draws, when it redraws, and when it is drawn at all. */
class ProgressBarTest {

    private static final String CLEAR = "\r\u001B[K";

    private final StringWriter err = new StringWriter();
    private final AtomicLong clock = new AtomicLong();

    private ProgressBar bar(int total, boolean reportsOnSameTerminal) {
        return new ProgressBar(new PrintWriter(err), total, reportsOnSameTerminal, clock::get);
    }

    @AfterEach
    void clearTerminalProperties() {
        System.clearProperty(ProgressOptions.STDOUT_TERMINAL);
        System.clearProperty(ProgressOptions.STDERR_TERMINAL);
    }

    @Test
    void lineShowsShareOfKnownTotal() {
        ProgressBar bar = bar(40, false);

        bar.update(19, 1, 0);

        assertThat(bar.line()).isEqualTo("[###############---------------]  20/40 scenarios, 1 invalid");
    }

    @Test
    void lineCountsFailedEvaluationsApart() {
        ProgressBar bar = bar(40, false);

        bar.update(17, 1, 2);

        assertThat(bar.line()).isEqualTo("[###############---------------]  20/40 scenarios, 1 invalid, 2 failed");
    }

    @Test
    void lineCountsWhenTotalUnknown() {
        ProgressBar bar = bar(-1, false);

        bar.update(1234, 0, 0);

        assertThat(bar.line()).isEqualTo("1234 scenarios");
    }

    @Test
    void redrawsAtMostEveryInterval() {
        ProgressBar bar = bar(4, false);

        bar.update(1, 0, 0);
        clock.set(ProgressBar.REDRAW_INTERVAL_NANOS - 1);
        bar.update(2, 0, 0);
        clock.set(ProgressBar.REDRAW_INTERVAL_NANOS);
        bar.update(3, 0, 0);

        assertThat(err.toString()).isEqualTo("\r[#######-----------------------]  1/4 scenarios\u001B[K"
                + "\r[######################--------]  3/4 scenarios\u001B[K");
    }

    @Test
    void errorLineClearsAndRedrawsAtOnce() {
        ProgressBar bar = bar(2, false);

        bar.update(1, 0, 0);
        bar.beforeError();
        err.write("error: bad.yaml: file not found\n");
        bar.update(1, 1, 0);
        bar.finish();

        assertThat(err.toString()).isEqualTo("\r[###############---------------]  1/2 scenarios\u001B[K"
                + CLEAR + "error: bad.yaml: file not found\n"
                + "\r[##############################]  2/2 scenarios, 1 invalid\u001B[K" + CLEAR);
    }

    @Test
    void reportClearsOnlyOnSameTerminal() {
        ProgressBar elsewhere = bar(2, false);
        elsewhere.update(1, 0, 0);
        elsewhere.beforeReport();
        String afterElsewhere = err.toString();

        ProgressBar same = bar(2, true);
        same.update(1, 0, 0);
        same.beforeReport();

        assertThat(afterElsewhere).doesNotContain(CLEAR);
        assertThat(err.toString()).endsWith(CLEAR);
    }

    @Test
    void disabledBarDrawsNothing() {
        ProgressBar bar = ProgressBar.disabled();

        bar.update(1, 0, 0);
        bar.beforeError();
        bar.finish();

        assertThat(bar.enabled()).isFalse();
    }

    @ParameterizedTest(name = "{0}, batch {1}, quiet {2}, stderr terminal {3} -> {4}")
    @CsvSource(textBlock = """
            AUTO,   true,  false, true,  true
            AUTO,   true,  false, false, false
            AUTO,   true,  true,  true,  false
            AUTO,   false, false, true,  false
            ALWAYS, true,  true,  false, true
            ALWAYS, false, false, true,  false
            NEVER,  true,  false, true,  false
            """)
    void barRule(When when, boolean batch, boolean quiet, boolean stderrTerminal, boolean expected) {
        assertThat(ProgressOptions.drawsBar(when, batch, quiet, new Terminals(true, stderrTerminal))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "stdout {0}, stderr {1}, TERM {2}, console {3} -> {4}, {5}")
    @CsvSource(nullValues = "unset", textBlock = """
            true,  true,  xterm, false, true,  true
            false, true,  xterm, false, false, true
            unset, false, xterm, true,  true,  false
            unset, unset, xterm, true,  true,  true
            unset, unset, xterm, false, true,  false
            unset, unset, unset, true,  true,  true
            true,  true,  dumb,  true,  true,  false
            """)
    void terminalsFromLauncherOrConsole(String stdout, String stderr, String term, boolean console,
                                        boolean stdoutMayBeTerminal, boolean stderrIsTerminal) {
        Map<String, String> properties = new HashMap<>();
        properties.put(ProgressOptions.STDOUT_TERMINAL, stdout);
        properties.put(ProgressOptions.STDERR_TERMINAL, stderr);

        Terminals terminals = Terminals.of(properties::get, term, console);

        assertThat(terminals.stdoutMayBeTerminal()).isEqualTo(stdoutMayBeTerminal);
        assertThat(terminals.stderrIsTerminal()).isEqualTo(stderrIsTerminal);
    }

    @Test
    void runDrawsBarWhenStderrIsTerminal(@TempDir Path folder) throws IOException {
        assumeFalse("dumb".equals(System.getenv("TERM")), "TERM=dumb gets no bar, whatever the launcher says");
        BatchRunTest.folderWithOneBadFile(folder);
        System.setProperty(ProgressOptions.STDOUT_TERMINAL, "false");
        System.setProperty(ProgressOptions.STDERR_TERMINAL, "true");

        CliRun run = CliRun.of("run", "--format", "jsonl", folder.toString());

        assertThat(run.err()).startsWith("\r[##########--------------------]  1/3 scenarios\u001B[K" + CLEAR + "error: ");
        assertThat(run.err()).endsWith(CLEAR + "3 scenarios: 2 evaluated, 1 invalid\n");
        assertThat(BatchRunTest.scenarioNames(run.out())).hasSize(2);
    }

    @Test
    void runDrawsNoBarWhenStderrIsPiped(@TempDir Path folder) throws IOException {
        BatchRunTest.folderWithOneBadFile(folder);
        System.setProperty(ProgressOptions.STDOUT_TERMINAL, "true");
        System.setProperty(ProgressOptions.STDERR_TERMINAL, "false");

        CliRun run = CliRun.of("run", "--format", "jsonl", folder.toString());

        assertThat(run.err()).doesNotContain("\r", "\u001B");
        assertThat(run.err()).endsWith("3 scenarios: 2 evaluated, 1 invalid\n");
    }

    @Test
    void progressAlwaysClearsBeforeEachReport(@TempDir Path folder) throws IOException {
        BatchRunTest.folderWithOneBadFile(folder);

        CliRun run = CliRun.of("run", "-q", "--progress", "always", "--format", "jsonl", folder.toString());

        // No launcher property marks standard output as a terminal or not, so the bar is cleared before
        // each report and drawn again after it: three draws and three clears.
        assertThat(run.err().split("\\[#", -1)).hasSize(4);
        assertThat(run.err().split(Pattern.quote(CLEAR), -1)).hasSize(4);
    }

    @Test
    void invalidProgressValueIsUsageError() {
        CliRun run = CliRun.of("run", "-q", "--progress", "sometimes", CliTest.STARTUP);

        assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(run.err()).startsWith("error: Invalid value for option '--progress': 'sometimes'; expected auto, always or never\n");
    }
}
