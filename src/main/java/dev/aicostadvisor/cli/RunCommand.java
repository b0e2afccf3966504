package dev.aicostadvisor.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import dev.aicostadvisor.Advisor;
import dev.aicostadvisor.Evaluation;
import dev.aicostadvisor.EvaluationException;
import dev.aicostadvisor.report.JsonReport;
import dev.aicostadvisor.report.MarkdownReport;
import dev.aicostadvisor.report.ReportFormat;
import dev.aicostadvisor.report.TextReport;
import dev.aicostadvisor.scenario.InvalidScenarioException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** {@code advisor run}: evaluates scenarios and prints their path through the flowchart. */
@Command(name = "run", sortOptions = false, mixinStandardHelpOptions = true, versionProvider = AdvisorCommand.Version.class,
        description = {
                "Evaluates scenarios and prints each outcome with its flowchart node, its reason and a cost forecast.",
                "",
                "Each scenario goes through the four phases of the decision flowchart and its success check.",
                "",
                "A bad scenario among several is reported on standard error and the others still run.",
                "With a folder, several files or -, a summary of the counts follows on standard error, and --format json "
                        + "prints an array of reports; with one file it prints one report object."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                "0:every scenario was evaluated",
                "2:a scenario or the rules are invalid, or a rule failed",
                "3:internal error in the advisor"})
final class RunCommand implements Callable<Integer> {

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

    @Mixin
    ProgressOptions progressOptions;

    @Parameters(paramLabel = "FILE", arity = "1..*",
            description = "Scenario files (.yaml, .yml, .json), folders of them, or - for JSON Lines on standard input.")
    List<String> inputs;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT",
            description = "Report format: text, markdown, json or jsonl. Default: text, or jsonl when reading standard input.")
    String format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Write the report to FILE instead of standard output. The file appears only when the run completes, "
                    + "and may not be an input: a scenario, the --pricing file or a file in the rules folder.")
    Path output;

    @Override
    public Integer call() {
        common.applyLogging();
        ScenarioInputs scenarios = ScenarioInputs.open(spec, inputs, parent.stdin);
        PrintWriter err = spec.commandLine().getErr();
        if (output != null && OutputTarget.isOneOf(output, scenarios.files())) {
            err.println("error: -o " + output + " is one of the input scenarios; write the report to another file");
            err.flush();
            return ExitCodes.INVALID_INPUT;
        }
        String clash = output == null ? null : OutputTarget.clashWithRulesOrPricing("-o", output, forecast.pricing.pricing, common.rules);
        if (clash != null) {
            err.println(clash);
            err.flush();
            return ExitCodes.INVALID_INPUT;
        }
        ReportFormat reportFormat = parseFormat(format, scenarios.readsStdin() ? ReportFormat.JSONL : ReportFormat.TEXT);
        Advisor.Builder builder = limits.applyTo(Advisor.builder());
        int fileCount = scenarios.countFiles();
        boolean batch = !scenarios.namesOneFile();
        ProgressBar progress = progressOptions.create(err, fileCount, batch, common.quiet, output == null);

        // The rules are compiled when the first valid scenario needs them, so that a run whose scenarios
        // are all invalid reports them without waiting for the compiler.
        Advisor advisor = null;

        int evaluated = 0;
        int invalid = 0;
        int failed = 0;
        try (OutputTarget target = output == null ? OutputTarget.stdout(spec.commandLine().getOut()) : OutputTarget.file(output)) {
            PrintWriter out = target.writer();
            // The opening bracket waits for the first report, so that a run that fails before it prints nothing.
            boolean jsonArray = reportFormat == ReportFormat.JSON && batch;
            for (ScenarioInputs.Input input : scenarios) {
                if (!input.valid()) {
                    progress.beforeError();
                    err.println("error: " + input.error().getMessage());
                    err.flush();
                    invalid++;
                    progress.update(evaluated, invalid, failed);
                    continue;
                }
                if (advisor == null) {
                    advisor = forecast.configure(builder, common.loadRules()).build();
                }
                Evaluation evaluation;
                try {
                    evaluation = advisor.evaluate(input.scenario());
                } catch (InvalidScenarioException e) {
                    // The scenario was read, but it names a model or GPU type that the pricing catalogue lacks.
                    progress.beforeError();
                    err.println("error: " + e.getMessage());
                    err.flush();
                    invalid++;
                    progress.update(evaluated, invalid, failed);
                    continue;
                } catch (EvaluationException e) {
                    progress.beforeError();
                    err.println("error: " + input.origin() + ": " + e.getMessage());
                    err.flush();
                    failed++;
                    progress.update(evaluated, invalid, failed);
                    continue;
                }
                progress.beforeReport();
                if (jsonArray) {
                    out.print(evaluated == 0 ? "[\n" : ",\n");
                }
                out.print(render(evaluation, input.origin(), reportFormat, evaluated > 0, jsonArray));
                out.flush();
                evaluated++;
                progress.update(evaluated, invalid, failed);
            }
            if (jsonArray) {
                out.println(evaluated == 0 ? "[]" : "\n]");
            }
            // A run that evaluated nothing leaves an existing output file as it was.
            if (output == null || evaluated > 0) {
                target.commit();
            }
        } finally {
            progress.finish();
        }
        if (batch) {
            err.println(summary(evaluated, invalid, failed));
            err.flush();
        }
        return invalid + failed > 0 ? ExitCodes.INVALID_INPUT : ExitCodes.OK;
    }

    private ReportFormat parseFormat(String value, ReportFormat fallback) {
        if (value == null) {
            return fallback;
        }
        for (ReportFormat candidate : ReportFormat.values()) {
            if (candidate.cliName().equalsIgnoreCase(value)) {
                return candidate;
            }
        }
        throw new ParameterException(spec.commandLine(),
                "Invalid value for option '--format': '" + value + "'; expected text, markdown, json or jsonl");
    }

    /**
     * Renders one report; {@code following} marks a report after the first, which text and Markdown
     * separate with a rule, and {@code inArray} leaves out the newline after a JSON array element.
     */
    private static String render(Evaluation evaluation, String origin, ReportFormat format, boolean following, boolean inArray) {
        return switch (format) {
            case TEXT -> (following ? "\n" + "-".repeat(100) + "\n\n" : "") + TextReport.render(evaluation);
            case MARKDOWN -> (following ? "\n---\n\n" : "") + MarkdownReport.render(evaluation);
            case JSON -> JsonReport.render(evaluation, origin) + (inArray ? "" : "\n");
            case JSONL -> JsonReport.renderLine(evaluation, origin) + "\n";
        };
    }

    /**
     * Returns the batch summary, such as {@code 40 scenarios: 38 evaluated, 2 invalid}. Scenarios that were read but
     * failed to evaluate (a rule that threw, looped or ran out of time) are counted apart from invalid ones,
     * because they point at the rules. The invalid count is left out when it is 0 and some evaluations failed.
     */
    static String summary(int evaluated, int invalid, int failed) {
        int total = evaluated + invalid + failed;
        StringBuilder summary = new StringBuilder()
                .append(total).append(total == 1 ? " scenario: " : " scenarios: ")
                .append(evaluated).append(" evaluated");
        if (invalid > 0 || failed == 0) {
            summary.append(", ").append(invalid).append(" invalid");
        }
        if (failed > 0) {
            summary.append(", ").append(failed).append(" failed to evaluate");
        }
        return summary.toString();
    }
}
