package dev.aicostadvisor.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.LongConsumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.aicostadvisor.Advisor;
import dev.aicostadvisor.model.Decision;
import dev.aicostadvisor.model.Flowchart;
import dev.aicostadvisor.model.Scenario;
import dev.aicostadvisor.scenario.ScenarioReader;
import dev.aicostadvisor.sweep.InvalidSweepException;
import dev.aicostadvisor.sweep.Sweep;
import dev.aicostadvisor.sweep.SweepAxis;
import dev.aicostadvisor.sweep.SweepField;
import dev.aicostadvisor.sweep.SweepResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** {@code advisor sweep}: evaluates a base scenario across ranges of some of its inputs. */
@Command(name = "sweep", sortOptions = false, mixinStandardHelpOptions = true, versionProvider = AdvisorCommand.Version.class,
        description = {
                "Evaluates a base scenario across ranges of its inputs and shows where each outcome changes.",
                "",
                "It evaluates every combination of the values given with --vary, or a random sample of them, "
                        + "and prints which outcome each decision reaches and the exact input values where an outcome "
                        + "changes. --csv writes the whole grid, one row per scenario.",
                "",
                "Example: advisor sweep scenarios/saas-support-assistant.yaml \\",
                "           --vary budget.monthlyUsd=1000..500000:50 --vary org.aiEngineers=0..20",
                "",
                "Inputs that can be varied:",
                "  org.aiMaturityMonths, org.aiEngineers, budget.monthlyUsd,",
                "  budget.spentThisMonthUsd, workload.dataSensitivity, workload.businessDriver,",
                "  workload.latencyTargetMs, workload.impact, workload.tokensPerMonth,",
                "  workload.pattern, gpuFleet.gpus, gpuFleet.utilizationPercent,",
                "  gpuFleet.hourlyCostUsd, metrics.costPerMillionTokensUsd,",
                "  metrics.targetCostPerMillionTokensUsd, metrics.latencyP95Ms, metrics.roi,",
                "  metrics.cacheHitRate, forecast.inputTokenShare, forecast.batchShare,",
                "  forecast.weeklyGrowthPercent"},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                "0:the sweep completed",
                "2:the base scenario, a --vary specification or the rules are invalid, or a scenario failed to evaluate",
                "3:internal error in the advisor"})
final class SweepCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(SweepCommand.class);

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Mixin
    PricingOption pricing;

    @Parameters(index = "0", paramLabel = "BASE", description = "The base scenario file; inputs not varied keep its values.")
    Path baseFile;

    /** Files after the base, collected only to reject them with a clearer message than picocli's. */
    @Parameters(index = "1..*", hidden = true)
    List<String> extraFiles = new ArrayList<>();

    @Option(names = "--vary", paramLabel = "FIELD=VALUES", required = true,
            description = {"An input and its values, repeatable: FIELD=FROM..TO:STEPS for STEPS equal steps from FROM to TO,",
                    "both included; FIELD=FROM..TO for every whole number; FIELD=A,B,C for a list; FIELD=* for every",
                    "value of a choice such as workload.businessDriver."})
    List<String> vary = new ArrayList<>();

    @Option(names = "--sample", paramLabel = "N",
            description = "Evaluate N scenarios drawn at random from the grid instead of every combination.")
    Long sample;

    @Option(names = "--seed", paramLabel = "SEED",
            description = "Seed of --sample, to draw the same sample again. Default: a random seed, printed in the summary.")
    Long seed;

    @Option(names = "--csv", paramLabel = "FILE",
            description = "Write every scenario to FILE: its input values and each decision's outcome. The file appears only when the sweep "
                    + "completes, and may not be an input: the base scenario, the --pricing file or a file in the rules folder.")
    Path csv;

    @Option(names = "--threads", paramLabel = "N",
            description = "Threads that evaluate scenarios. Default: one per processor (${DEFAULT-VALUE}).")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--edge-checks", paramLabel = "N",
            description = {"On how many grid lines beyond the first each edge is confirmed by evaluation; 0 confirms it on",
                    "every line. Default: ${DEFAULT-VALUE}."})
    int edgeChecks = 16;

    @Override
    public Integer call() throws InterruptedException {
        if (!extraFiles.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "sweep takes one base scenario file, but " + (extraFiles.size() + 1)
                    + " were given (" + baseFile + ", " + String.join(", ", extraFiles) + "); sweep each file on its own");
        }
        common.applyLogging();
        PrintWriter err = spec.commandLine().getErr();
        if (baseFile.toString().equals("-")) {
            err.println("error: sweep reads a scenario file, not standard input; save the scenario to a file and give its path");
            err.flush();
            return ExitCodes.INVALID_INPUT;
        }
        if (csv != null && OutputTarget.isOneOf(csv, List.of(baseFile))) {
            err.println("error: --csv " + csv + " is the base scenario; write the CSV to another file");
            err.flush();
            return ExitCodes.INVALID_INPUT;
        }
        String clash = csv == null ? null : OutputTarget.clashWithRulesOrPricing("--csv", csv, pricing.pricing, common.rules);
        if (clash != null) {
            err.println(clash);
            err.flush();
            return ExitCodes.INVALID_INPUT;
        }
        Scenario base = ScenarioReader.read(baseFile);
        List<SweepAxis> axes = new ArrayList<>();
        Sweep sweep;
        try {
            for (String specification : vary) {
                axes.add(SweepAxis.parse(specification, base));
            }
            checkCounts();
            // The sweep tabulates the outcomes of each scenario's own evaluation, so the iterate loop is left out.
            Advisor advisor = pricing.configure(Advisor.builder(), common.loadRules()).maxCycles(0).build();
            sweep = new Sweep(advisor, base, axes, threads);
            if (sample == null && sweep.gridSize() > Sweep.MAX_GRID) {
                throw new InvalidSweepException(String.format(Locale.ROOT,
                        "the grid has %,d scenarios, more than %,d; use fewer values per input, or --sample N", sweep.gridSize(), Sweep.MAX_GRID));
            }
        } catch (InvalidSweepException e) {
            err.println("error: " + e.getMessage());
            err.flush();
            return ExitCodes.INVALID_INPUT;
        }

        long total = sample != null ? sample : sweep.gridSize();
        long sampleSeed = seed != null ? seed : ThreadLocalRandom.current().nextLong();
        SweepResult result;
        try (OutputTarget target = csv == null ? null : OutputTarget.file(csv)) {
            CsvRows rows = target == null ? null : new CsvRows(target.writer(), axes);
            LongConsumer progress = progressLogger(total);
            result = sample != null
                    ? sweep.runSample(sample, sampleSeed, rows, progress)
                    : sweep.runGrid(edgeChecks, rows, progress);
            if (target != null) {
                target.commit();
            }
        }
        print(spec.commandLine().getOut(), axes, result, sampleSeed);
        if (result.failed() > 0) {
            // The tables above count the scenarios that evaluated; the failures point at the rules.
            err.printf(Locale.ROOT, "error: %,d of %,d %s failed to evaluate, first %s%s%n", result.failed(), result.scenarios(),
                    result.scenarios() == 1 ? "scenario" : "scenarios", result.firstError(),
                    csv == null ? "; --csv FILE lists each failure" : "; " + csv + " lists each failure");
            err.flush();
            return ExitCodes.INVALID_INPUT;
        }
        return ExitCodes.OK;
    }

    private void checkCounts() {
        if (sample != null && (sample < 1 || sample > Sweep.MAX_GRID)) {
            throw new InvalidSweepException(String.format(Locale.ROOT,
                    "invalid --sample %d; expected a number of scenarios from 1 to %,d", sample, Sweep.MAX_GRID));
        }
        if (threads < 1) {
            throw new InvalidSweepException("invalid --threads " + threads + "; expected at least 1");
        }
        if (edgeChecks < 0) {
            throw new InvalidSweepException("invalid --edge-checks " + edgeChecks + "; expected 0 (every line) or more");
        }
        if (seed != null && sample == null) {
            throw new InvalidSweepException("--seed applies to --sample only; add --sample N or drop --seed");
        }
    }

    /** Logs progress every tenth of a sweep of at least 100,000 scenarios, with the heap in use. */
    private static LongConsumer progressLogger(long total) {
        if (total < 100_000) {
            return done -> { };
        }
        long start = System.nanoTime();
        long[] nextTenth = {1};
        return done -> {
            if (done * 10 >= nextTenth[0] * total) {
                nextTenth[0] = done * 10 / total + 1;
                Runtime runtime = Runtime.getRuntime();
                double seconds = (System.nanoTime() - start) / 1e9;
                LOG.info("Swept {} of {} scenarios in {} s ({} per second), heap in use {} MB", String.format(Locale.ROOT, "%,d", done),
                        String.format(Locale.ROOT, "%,d", total), String.format(Locale.ROOT, "%.1f", seconds),
                        String.format(Locale.ROOT, "%,.0f", done / seconds), (runtime.totalMemory() - runtime.freeMemory()) >> 20);
            }
        };
    }

    private void print(PrintWriter out, List<SweepAxis> axes, SweepResult result, long sampleSeed) {
        String mode = sample != null ? "a random sample, seed " + sampleSeed : "every combination";
        out.printf(Locale.ROOT, "Sweep of %s: %,d %s, %s%n", baseFile, result.scenarios(),
                result.scenarios() == 1 ? "scenario" : "scenarios", mode);
        for (SweepAxis axis : axes) {
            List<Object> values = axis.values();
            String range = values.size() == 1 ? SweepField.format(values.get(0))
                    : values.size() <= 6 ? String.join(", ", values.stream().map(SweepField::format).toList())
                    : "from " + SweepField.format(values.get(0)) + " to " + SweepField.format(values.get(values.size() - 1));
            out.printf(Locale.ROOT, "  %-36s %,d %s: %s%n", axis.field().name(), values.size(), values.size() == 1 ? "value" : "values", range);
        }
        double seconds = result.elapsedNanos() / 1e9;
        long evaluations = result.scenarios() + result.edgeEvaluations();
        String edgeSearch = result.edgeEvaluations() == 0 ? ""
                : String.format(Locale.ROOT, "%,d more to locate the edges, ", result.edgeEvaluations());
        out.printf(Locale.ROOT, "Evaluated in %.1f s (%s%,.0f scenarios per second, %d %s)%n", seconds, edgeSearch,
                evaluations / Math.max(seconds, 1e-9), result.threads(), result.threads() == 1 ? "thread" : "threads");
        if (result.failed() > 0) {
            out.printf(Locale.ROOT, "%,d of them failed to evaluate and are left out of the tables below%n", result.failed());
        }

        out.println();
        out.println("Outcomes of each decision");
        out.printf(Locale.ROOT, "  %-14s %-40s %13s %8s%n", "decision", "outcome", "scenarios", "share");
        for (Decision decision : Flowchart.decisions()) {
            boolean first = true;
            for (SweepResult.OutcomeCount count : result.outcomes().get(decision.id())) {
                out.printf(Locale.ROOT, "  %-14s %-40s %,13d %7.1f%%%n", first ? decision.id() : "", count.outcome(), count.scenarios(),
                        100.0 * count.scenarios() / Math.max(1, result.scenarios() - result.failed()));
                first = false;
            }
        }

        out.println();
        out.println(sample != null ? "Where outcomes change along each input, the other inputs at the base scenario's values"
                : "Where outcomes change");
        if (result.edges().isEmpty()) {
            out.println(result.failed() == 0 ? "  nowhere: every decision reaches the same outcome in every scenario"
                    : "  nowhere among the scenarios that evaluated");
        }
        String input = null;
        for (SweepResult.Edge edge : result.edges()) {
            if (!edge.input().equals(input)) {
                input = edge.input();
                out.println("  " + input);
            }
            String lines = sample != null ? "" : String.format(Locale.ROOT, "  on %,d of %,d lines%s", edge.lines(), edge.linesAlongInput(),
                    edge.checked() < edge.lines() ? String.format(Locale.ROOT, " (checked on %,d)", edge.checked()) : "");
            out.printf(Locale.ROOT, "    %-14s %s -> %s between %s and %s%s%n", edge.decision(), edge.from(), edge.to(), edge.last(),
                    edge.first(), lines);
        }
        out.flush();
    }

    /** Writes each scenario as a CSV row: its number, the value of each input, each decision's outcome and any error. */
    private static final class CsvRows implements Sweep.RowListener {
        private final PrintWriter writer;
        private final StringBuilder line = new StringBuilder(512);

        CsvRows(PrintWriter writer, List<SweepAxis> axes) {
            this.writer = writer;
            line.append("scenario");
            for (SweepAxis axis : axes) {
                line.append(',').append(axis.field().name());
            }
            for (Decision decision : Flowchart.decisions()) {
                line.append(',').append(decision.id());
            }
            line.append(",error");
            writer.println(line);
        }

        @Override
        public void row(long number, List<Object> values, List<String> outcomes, String error) {
            line.setLength(0);
            line.append(number);
            for (Object value : values) {
                line.append(',').append(SweepField.format(value));
            }
            int decisions = Flowchart.decisions().size();
            for (int decision = 0; decision < decisions; decision++) {
                line.append(',');
                if (outcomes != null) {
                    line.append(outcomes.get(decision));
                }
            }
            line.append(',');
            if (error != null) {
                line.append('"').append(error.replace("\"", "\"\"")).append('"');
            }
            writer.println(line);
        }
    }
}
