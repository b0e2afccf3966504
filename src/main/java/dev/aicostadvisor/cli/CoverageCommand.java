package dev.aicostadvisor.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import dev.aicostadvisor.Advisor;
import dev.aicostadvisor.EvaluationException;
import dev.aicostadvisor.analysis.Coverage;
import dev.aicostadvisor.model.Flowchart;
import dev.aicostadvisor.model.FlowchartNode;
import dev.aicostadvisor.rules.CompiledRules;
import dev.aicostadvisor.rules.RuleInfo;
import dev.aicostadvisor.rules.RuleLoader;
import dev.aicostadvisor.rules.RuleSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code advisor coverage}: which rules the scenario suite fires, which it never fires, and which nodes it never reaches. */
@Command(name = "coverage", sortOptions = false, mixinStandardHelpOptions = true, versionProvider = AdvisorCommand.Version.class,
        description = {
                "Shows which rules the scenario suite fires, which it never fires, and which nodes it misses.",
                "",
                "Evaluates every scenario of the suite and shows how often each rule fired and in how many "
                        + "scenarios, the rules that never fired (dead, or tested by no scenario), and the flowchart nodes "
                        + "that no scenario reaches. Scenarios without an expect block count too."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                "0:every rule fired and every flowchart node was reached",
                "1:a rule never fired or a node was never reached",
                "2:a scenario or the rules are invalid, or a rule failed",
                "3:internal error in the advisor"})
final class CoverageCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @ParentCommand
    AdvisorCommand parent;

    @Mixin
    CommonOptions common;

    @Mixin
    PricingOption pricing;

    @Parameters(paramLabel = "DIR|FILE", arity = "0..*",
            description = "Scenario files or folders of the suite. Default: scenarios")
    List<String> inputs = new ArrayList<>();

    @Override
    public Integer call() {
        common.applyLogging();
        List<String> paths = inputs.isEmpty() ? List.of("scenarios") : inputs;
        ScenarioInputs scenarios = ScenarioInputs.open(spec, paths, parent.stdin);
        RuleSource source = RuleSource.resolve(common.rules);
        CompiledRules rules = RuleLoader.load(source, common.cache());
        // Coverage counts the firings of each scenario's own evaluation, so the iterate loop is left out.
        Advisor advisor = pricing.configure(Advisor.builder(), rules).maxCycles(0).build();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();

        Coverage coverage = new Coverage(rules);
        int invalid = 0;
        for (ScenarioInputs.Input input : scenarios) {
            if (!input.valid()) {
                err.println("error: " + input.error().getMessage());
                invalid++;
                continue;
            }
            try {
                coverage.evaluate(advisor, input.scenario());
            } catch (EvaluationException e) {
                err.println("error: " + input.origin() + ": " + e.getMessage());
                invalid++;
            }
        }
        err.flush();

        List<Coverage.RuleCount> fired = coverage.fired();
        List<RuleInfo> neverFired = coverage.neverFired();
        List<FlowchartNode> unreached = coverage.unreachedNodes();
        int ruleCount = rules.ruleCount();
        int nodeCount = Flowchart.nodes().size();

        out.println("Coverage of " + source.description() + " by " + ValidateCommand.count(coverage.scenarios(), "scenario"));
        out.println();
        out.println("Rules that fired (" + fired.size() + " of " + ruleCount + "):");
        out.printf("  %7s  %9s  %s%n", "firings", "scenarios", "rule");
        int placeWidth = fired.stream().mapToInt(count -> count.rule().place().length()).max().orElse(0);
        for (Coverage.RuleCount count : fired) {
            out.printf("  %7d  %9d  %-" + placeWidth + "s  %s%n", count.firings(), count.scenarios(), count.rule().place(), count.rule().name());
        }
        out.println();
        if (neverFired.isEmpty()) {
            out.println("Rules that never fired: none");
        } else {
            out.println("Rules that never fired (" + neverFired.size() + "), dead or tested by no scenario:");
            int width = neverFired.stream().mapToInt(rule -> rule.place().length()).max().orElse(0);
            for (RuleInfo rule : neverFired) {
                out.printf("  %-" + width + "s  %s%n", rule.place(), rule.name());
            }
        }
        out.println();
        if (unreached.isEmpty()) {
            out.println("Flowchart nodes that no scenario reaches: none");
        } else {
            out.println("Flowchart nodes that no scenario reaches (" + unreached.size() + " of " + nodeCount + "):");
            for (FlowchartNode node : unreached) {
                out.printf("  %-13s %s (decision %s)%n", node.id(), node.title(), node.decision());
            }
        }
        out.println();
        out.println("coverage: " + fired.size() + " of " + ruleCount + " rules fired, " + (nodeCount - unreached.size())
                + " of " + nodeCount + " nodes reached");
        if (invalid > 0) {
            out.println(invalid + (invalid == 1 ? " scenario is" : " scenarios are") + " invalid or failed to evaluate, and not counted");
        }
        out.flush();
        if (invalid > 0) {
            return ExitCodes.INVALID_INPUT;
        }
        return coverage.complete() ? ExitCodes.OK : ExitCodes.EXPECTATION_FAILED;
    }
}
