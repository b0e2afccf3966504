package dev.aicostadvisor.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;

import dev.aicostadvisor.Advisor;
import dev.aicostadvisor.Evaluation;
import dev.aicostadvisor.analysis.Explanation;
import dev.aicostadvisor.analysis.FiringTrace;
import dev.aicostadvisor.model.Flowchart;
import dev.aicostadvisor.model.FlowchartNode;
import dev.aicostadvisor.model.Recommendation;
import dev.aicostadvisor.model.Scenario;
import dev.aicostadvisor.rules.CompiledRules;
import dev.aicostadvisor.rules.RuleLoader;
import dev.aicostadvisor.rules.RuleSource;
import dev.aicostadvisor.scenario.MapReader;
import dev.aicostadvisor.scenario.ScenarioReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** {@code advisor explain}: shows the chain of rule firings behind each outcome of one scenario. */
@Command(name = "explain", sortOptions = false, mixinStandardHelpOptions = true, versionProvider = AdvisorCommand.Version.class,
        description = {
                "Shows the chain of rules behind each outcome of a scenario, back to its inputs.",
                "",
                "Evaluates one scenario and shows, for each outcome it reaches, the chain that led there: the rule "
                        + "that fired with its file and line, its conditions, the values it matched (band thresholds "
                        + "included), and the same for each outcome it depended on, back to the scenario's inputs. "
                        + "Each outcome is explained once; later mentions say 'explained above'."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                "0:the chain was shown",
                "2:the scenario or the rules are invalid, a rule failed, or --node names a node that the scenario does not reach",
                "3:internal error in the advisor"})
final class ExplainCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Mixin
    PricingOption pricing;

    @Parameters(index = "0", paramLabel = "FILE", description = "The scenario file to explain (.yaml, .yml or .json).")
    Path file;

    /** Files after the first, collected only to reject them with a clearer message than picocli's. */
    @Parameters(index = "1..*", hidden = true)
    List<String> extraFiles = new ArrayList<>();

    @Option(names = "--node", paramLabel = "ID",
            description = "Explain only this outcome node, such as Deploy5, or the nodes that match a pattern in which "
                    + "* stands for any characters, such as 'Deploy*'. Default: every outcome the scenario reaches.")
    String node;

    @Option(names = "--depth", paramLabel = "N",
            description = "Explain the outcomes each rule depended on down to N levels; deeper ones are only named. "
                    + "Default: all the way to the scenario's inputs.")
    Integer depth;

    @Override
    public Integer call() {
        if (!extraFiles.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "explain takes one scenario file, but " + (extraFiles.size() + 1)
                    + " were given (" + file + ", " + String.join(", ", extraFiles) + "); run explain once for each file");
        }
        common.applyLogging();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (file.toString().equals("-")) {
            err.println("error: explain reads a scenario file, not standard input; save the scenario to a file and give its path");
            err.flush();
            return ExitCodes.INVALID_INPUT;
        }
        if (depth != null && depth < 0) {
            err.println("error: --depth " + depth + " is negative; give 0 for the outcome alone, or more levels");
            err.flush();
            return ExitCodes.INVALID_INPUT;
        }
        if (node != null && isPattern(node) && matching(node, flowchartIds()).isEmpty()) {
            err.println("error: --node '" + node + "' matches no flowchart node; node ids are those that reports show, "
                    + "such as Vendor1 or Deploy5, and * stands for any characters");
            err.flush();
            return ExitCodes.INVALID_INPUT;
        }
        if (node != null && !isPattern(node) && Flowchart.findNode(node).isEmpty()) {
            err.println("error: --node '" + node + "' is not a flowchart node" + suggestion(node, flowchartIds())
                    + " Node ids are those that reports show, such as Vendor1 or Deploy5");
            err.flush();
            return ExitCodes.INVALID_INPUT;
        }

        Scenario scenario = ScenarioReader.read(file);
        CompiledRules rules = RuleLoader.load(RuleSource.resolve(common.rules), common.cache());
        FiringTrace trace = new FiringTrace();
        Evaluation evaluation = pricing.configure(Advisor.builder(), rules).maxCycles(0).build().evaluate(scenario, trace);

        List<String> nodes;
        if (node == null) {
            nodes = new ArrayList<>(evaluation.nodes());
        } else if (isPattern(node)) {
            nodes = matching(node, List.copyOf(evaluation.nodes()));
            if (nodes.isEmpty()) {
                err.println("error: " + file + " reaches none of the nodes that match '" + node + "' ("
                        + String.join(", ", matching(node, flowchartIds())) + "); run without --node to see every outcome it reaches");
                err.flush();
                return ExitCodes.INVALID_INPUT;
            }
        } else if (evaluation.reached(node)) {
            nodes = List.of(node);
        } else {
            err.println("error: " + file + " does not reach " + node + notReachedHint(evaluation, Flowchart.node(node)));
            err.flush();
            return ExitCodes.INVALID_INPUT;
        }

        out.println(scenario.getName() + " (" + file + ")");
        out.println();
        out.print(Explanation.of(rules, evaluation, trace).render(nodes, depth == null ? Integer.MAX_VALUE : depth));
        out.flush();
        return ExitCodes.OK;
    }

    /** Suggests the outcome the scenario reaches for the same decision, or else the nearest id it reaches. */
    private static String notReachedHint(Evaluation evaluation, FlowchartNode requested) {
        List<Recommendation> sameDecision = evaluation.ofDecision(requested.decision());
        if (!sameDecision.isEmpty()) {
            List<String> ids = sameDecision.stream().map(Recommendation::getNode).toList();
            return "; for " + requested.decision() + " it reaches " + String.join(", ", ids) + ", so try --node " + ids.get(0);
        }
        return ", nor any other outcome of " + requested.decision() + "; run without --node to see every outcome it reaches";
    }

    private static boolean isPattern(String requested) {
        return requested.contains("*");
    }

    /** Returns the ids that match a pattern in which * stands for any characters, in their given order. */
    static List<String> matching(String pattern, List<String> ids) {
        StringBuilder regex = new StringBuilder();
        for (String literal : pattern.split("\\*", -1)) {
            if (!regex.isEmpty()) {
                regex.append(".*");
            }
            regex.append(Pattern.quote(literal));
        }
        Pattern compiled = Pattern.compile(regex.toString());
        return ids.stream().filter(id -> compiled.matcher(id).matches()).toList();
    }

    private static List<String> flowchartIds() {
        return Flowchart.nodes().stream().map(FlowchartNode::id).toList();
    }

    /** Returns "; did you mean 'X'?" for the nearest candidate, or "." when none is near. */
    static String suggestion(String unknown, List<String> candidates) {
        return nearest(unknown, candidates).map(best -> "; did you mean '" + best + "'?").orElse(".");
    }

    static Optional<String> nearest(String unknown, List<String> candidates) {
        return Optional.ofNullable(MapReader.nearest(unknown, candidates));
    }
}
