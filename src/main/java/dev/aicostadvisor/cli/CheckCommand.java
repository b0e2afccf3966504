package dev.aicostadvisor.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

import dev.aicostadvisor.Advisor;
import dev.aicostadvisor.Evaluation;
import dev.aicostadvisor.EvaluationException;
import dev.aicostadvisor.model.Expectation;
import dev.aicostadvisor.scenario.InvalidScenarioException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code advisor check}: runs the scenarios that have an {@code expect} block and compares their outcomes. */
@Command(name = "check", sortOptions = false, mixinStandardHelpOptions = true, versionProvider = AdvisorCommand.Version.class,
        description = {
                "Runs every scenario that has an expect block and prints PASS or FAIL for each.",
                "Under a FAIL it lists the expected nodes that are missing and the unexpected nodes that were reached.",
                "Scenarios without an expect block are skipped.",
                "Standard output carries only this report and the counts. Each invalid scenario or failed evaluation "
                        + "is reported on standard error as 'error: FILE: ...', as in the other commands."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                "0:every expectation holds",
                "1:an expectation failed",
                "2:a scenario or the rules are invalid, or a rule failed",
                "3:internal error in the advisor"})
final class CheckCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @ParentCommand
    AdvisorCommand parent;

    @Mixin
    CommonOptions common;

    @Mixin
    ForecastOptions forecast;

    @Mixin
    EvaluationLimitOptions limits;

    @Parameters(paramLabel = "DIR|FILE", arity = "0..*",
            description = "Scenario files or folders to check. Default: scenarios")
    List<String> inputs = new ArrayList<>();

    /** The result of checking one scenario. */
    record Outcome(List<String> missing, List<String> unexpected) {
        boolean passed() {
            return missing.isEmpty() && unexpected.isEmpty();
        }
    }

    /** Compares an evaluation with a fixture's expectation. */
    static Outcome compare(Evaluation evaluation, Expectation expectation) {
        Set<String> reached = evaluation.nodes();
        List<String> missing = expectation.present().stream().filter(node -> !reached.contains(node)).toList();
        List<String> unexpected = expectation.absent().stream().filter(reached::contains).toList();
        return new Outcome(missing, unexpected);
    }

    @Override
    public Integer call() {
        common.applyLogging();
        List<String> paths = inputs.isEmpty() ? List.of("scenarios") : inputs;
        ScenarioInputs scenarios = ScenarioInputs.open(spec, paths, parent.stdin);
        Advisor.Builder builder = limits.applyTo(Advisor.builder());
        Advisor advisor = forecast.configure(builder, common.loadRules()).build();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        int passed = 0;
        int failed = 0;
        int invalid = 0;
        int notEvaluated = 0;
        int skipped = 0;
        // Standard output carries the report (PASS, FAIL and the counts), so that a CI job can save or parse it.
        // Each error goes to standard error, as in the other commands.
        for (ScenarioInputs.Input input : scenarios) {
            if (!input.valid()) {
                printError(out, err, input.error().getMessage());
                invalid++;
                continue;
            }
            Expectation expectation = input.scenario().getExpectation();
            if (expectation == null) {
                skipped++;
                continue;
            }
            String label = input.scenario().getName() + " (" + input.origin() + ")";
            Outcome outcome;
            try {
                outcome = compare(advisor.evaluate(input.scenario()), expectation);
            } catch (InvalidScenarioException e) {
                printError(out, err, e.getMessage());
                invalid++;
                continue;
            } catch (EvaluationException e) {
                printError(out, err, input.origin() + ": " + e.getMessage());
                notEvaluated++;
                continue;
            }
            if (outcome.passed()) {
                out.println("PASS " + label);
                passed++;
            } else {
                out.println("FAIL " + label);
                if (!outcome.missing().isEmpty()) {
                    out.println("  missing:    " + String.join(", ", outcome.missing()));
                }
                if (!outcome.unexpected().isEmpty()) {
                    out.println("  unexpected: " + String.join(", ", outcome.unexpected()));
                }
                failed++;
            }
        }
        if (skipped > 0) {
            out.println(skipped + (skipped == 1 ? " scenario has no expect block and was skipped" : " scenarios have no expect block and were skipped"));
        }
        if (invalid > 0) {
            out.println(invalid + (invalid == 1 ? " scenario is invalid" : " scenarios are invalid"));
        }
        if (notEvaluated > 0) {
            out.println(notEvaluated + (notEvaluated == 1 ? " scenario" : " scenarios") + " failed to evaluate");
        }
        out.println(passed + " passed, " + failed + " failed");
        out.flush();
        if (passed + failed + invalid + notEvaluated == 0) {
            err.println("error: nothing to check in " + String.join(", ", paths)
                    + ": no scenario has an expect block; add expect: {present: [NODE, ...]} to the fixtures");
            err.flush();
            return ExitCodes.INVALID_INPUT;
        }
        if (invalid + notEvaluated > 0) {
            return ExitCodes.INVALID_INPUT;
        }
        return failed > 0 ? ExitCodes.EXPECTATION_FAILED : ExitCodes.OK;
    }

    /** Writes an error line to standard error, after flushing the report lines before it so the two stay in order. */
    private static void printError(PrintWriter out, PrintWriter err, String message) {
        out.flush();
        err.println("error: " + message);
        err.flush();
    }
}
