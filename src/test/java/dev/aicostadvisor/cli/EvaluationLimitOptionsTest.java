package dev.aicostadvisor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.aicostadvisor.FaultyRules;

/** {@code --max-firings} and {@code --time-limit} on run and check: validation, and the errors they cause. */
class EvaluationLimitOptionsTest {

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', textBlock = """
            --max-firings | 0           | expected a whole number from 1 to 2147483647, such as 10000
            --max-firings | -5          | expected a whole number from 1 to 2147483647, such as 10000
            --max-firings | ten         | expected a whole number from 1 to 2147483647, such as 10000
            --max-firings | 2147483648  | expected a whole number from 1 to 2147483647, such as 10000
            --max-firings | 1e4         | expected a whole number from 1 to 2147483647, such as 10000
            --time-limit  | 5           | expected a number and a unit (ms, s, m or h) from 1ms to 24h, such as 500ms, 5s or 2m
            --time-limit  | 5x          | expected a number and a unit (ms, s, m or h) from 1ms to 24h, such as 500ms, 5s or 2m
            --time-limit  | 0s          | expected a number and a unit (ms, s, m or h) from 1ms to 24h, such as 500ms, 5s or 2m
            --time-limit  | 25h         | expected a number and a unit (ms, s, m or h) from 1ms to 24h, such as 500ms, 5s or 2m
            --time-limit  | -1s         | expected a number and a unit (ms, s, m or h) from 1ms to 24h, such as 500ms, 5s or 2m
            --time-limit  | 1.5s        | expected a number and a unit (ms, s, m or h) from 1ms to 24h, such as 500ms, 5s or 2m
            """)
    void invalidLimitIsUsageError(String option, String value, String allowed) {
        for (String command : new String[] {"run", "check"}) {
            CliRun run = CliRun.of(command, "-q", option + "=" + value, CliTest.STARTUP);

            assertThat(run.exitCode()).as(command).isEqualTo(ExitCodes.INVALID_INPUT);
            assertThat(run.err()).as(command).startsWith("error: Invalid value for option '" + option + "': '" + value + "'; " + allowed + "\n");
            assertThat(run.out()).as(command).isEmpty();
        }
    }

    @Test
    void validLimitsRunNormally() {
        CliRun run = CliRun.of("run", "-q", "--max-firings", "200", "--time-limit", "2m", CliTest.STARTUP);

        assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(run.err()).isEmpty();
    }

    @Test
    void firingLimitBelowNeedsStopsShippedRules() {
        CliRun run = CliRun.of("run", "-q", "--max-firings", "3", CliTest.STARTUP);

        assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(run.err()).startsWith("error: " + CliTest.STARTUP + ": evaluation of scenario 'Seed-stage startup's first "
                + "prototype' stopped after 3 rule firings in phase1; the rules that fired last: ");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void loopingRuleEndsWithFiringLimitError(@TempDir Path folder) throws IOException {
        Path rules = FaultyRules.copyInto(folder.resolve("rules"));
        Path scenario = Files.writeString(folder.resolve("loop.yaml"),
                Files.readString(Path.of(CliTest.STARTUP)).replace("name: Quillsprout", "name: \"" + FaultyRules.LOOP_TRIGGER + "\""));

        CliRun run = CliRun.of("run", "-q", "--rules", rules.toString(), "--max-firings", "1000", scenario.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(run.err()).startsWith("error: " + scenario + ": evaluation of scenario 'Seed-stage startup's first prototype' "
                + "stopped after 1000 rule firings in phase2; the rules that fired last: \"" + FaultyRules.LOOPING_RULE + "\"");
        assertThat(run.err()).endsWith("add no-loop or a guard condition, or raise the limit if these rules need more firings\n");
        assertThat(run.err().lines()).hasSize(1);
        assertThat(run.out()).isEmpty();
    }

    @Test
    void slowRuleEndsWithTimeLimitError(@TempDir Path folder) throws IOException {
        Path rules = FaultyRules.copyInto(folder.resolve("rules"));
        Path scenario = Files.writeString(folder.resolve("slow.yaml"),
                Files.readString(Path.of(CliTest.STARTUP)).replace("name: Quillsprout", "name: \"" + FaultyRules.SLOW_TRIGGER + "\""));

        CliRun run = CliRun.of("run", "-q", "--rules", rules.toString(), "--time-limit", "200ms", scenario.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(run.err()).startsWith("error: " + scenario + ": evaluation of scenario 'Seed-stage startup's first prototype' "
                + "stopped after 200 ms in phase2; the rules that fired last: ");
        assertThat(run.err()).endsWith("\"" + FaultyRules.SLOW_RULE + "\"\n");
        assertThat(run.err().lines()).hasSize(1);
    }

    @Test
    void checkReportsLoopingFixtureAsError(@TempDir Path folder) throws IOException {
        Path rules = FaultyRules.copyInto(folder.resolve("rules"));
        Path scenario = Files.writeString(folder.resolve("loop.yaml"),
                Files.readString(Path.of(CliTest.STARTUP)).replace("name: Quillsprout", "name: \"" + FaultyRules.LOOP_TRIGGER + "\""));

        CliRun run = CliRun.of("check", "-q", "--rules", rules.toString(), "--max-firings", "1000", scenario.toString(), CliTest.SAAS);

        assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(run.err()).startsWith("error: " + scenario + ": evaluation of scenario "
                + "'Seed-stage startup's first prototype' stopped after 1000 rule firings in phase2");
        assertThat(run.err().lines()).hasSize(1);
        assertThat(run.out()).isEqualTo("PASS Mid-size SaaS support assistant (" + CliTest.SAAS + ")\n"
                + "1 scenario failed to evaluate\n1 passed, 0 failed\n");
    }
}
