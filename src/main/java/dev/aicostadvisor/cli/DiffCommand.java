package dev.aicostadvisor.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Callable;

import dev.aicostadvisor.Advisor;
import dev.aicostadvisor.Evaluation;
import dev.aicostadvisor.EvaluationException;
import dev.aicostadvisor.analysis.BaseRules;
import dev.aicostadvisor.analysis.OutcomeDiff;
import dev.aicostadvisor.model.Note;
import dev.aicostadvisor.model.Recommendation;
import dev.aicostadvisor.rules.CompiledRules;
import dev.aicostadvisor.rules.InvalidRulesException;
import dev.aicostadvisor.rules.RuleLoader;
import dev.aicostadvisor.rules.RuleSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code advisor diff}: runs the scenario suite under two rule sets and lists the scenarios whose outcomes differ. */
@Command(name = "diff", sortOptions = false, mixinStandardHelpOptions = true, versionProvider = AdvisorCommand.Version.class,
        description = {
                "Lists the scenarios whose outcomes differ between two rule sets, node by node.",
                "",
                "Evaluates every scenario of the suite under the base rules and under the rules in use, and lists "
                        + "each scenario whose outcomes differ, node by node: '-' for a node that only the base rules reach, "
                        + "'+' for one that only the rules in use reach, and the same for the report's notes. With "
                        + "--rationale it also lists nodes that both reach for another reason ('~').",
                "",
                "The base is a git revision of the rules folder, extracted with git archive into a temporary folder "
                        + "that is deleted afterwards, or another rules folder. By default the working copy of the rules "
                        + "folder is compared with HEAD, which shows what an uncommitted edit changes."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                "0:no scenario reaches other nodes or notes. Without --rationale, a node reached for another rationale "
                        + "or by another rule does not count",
                "1:some scenario reaches other nodes or notes, or, with --rationale only, reaches a node for another "
                        + "rationale or by another rule",
                "2:invalid input: the base cannot be read (not a git repository, an unknown revision, no rules "
                        + "folder at that revision), a scenario or the rules are invalid, or a rule failed",
                "3:internal error in the advisor"})
final class DiffCommand implements Callable<Integer> {

    private static final String ROW_FORMAT = "  %s %-13s %s%n";
    private static final String MORE_FORMAT = "    %-13s %s%n";

    @Spec
    CommandSpec spec;

    @ParentCommand
    AdvisorCommand parent;

    @Mixin
    CommonOptions common;

    @Mixin
    PricingOption pricing;

    @Option(names = "--base", paramLabel = "REF_OR_DIR",
            description = "The rules to compare with: a git revision of the rules folder, such as HEAD, main or a commit, "
                    + "or another rules folder. Default: HEAD")
    String base = "HEAD";

    @Option(names = "--rationale",
            description = "Also list the nodes that both rule sets reach with another rationale or rule, and exit 1 "
                    + "when there are any.")
    boolean rationale;

    @Parameters(paramLabel = "DIR|FILE", arity = "0..*",
            description = "Scenario files or folders of the suite. Default: scenarios")
    List<String> inputs = new ArrayList<>();

    @Override
    public Integer call() {
        common.applyLogging();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ScenarioInputs scenarios = ScenarioInputs.open(spec, inputs.isEmpty() ? List.of("scenarios") : inputs, parent.stdin);
        RuleSource working = RuleSource.resolve(common.rules);
        BaseRules baseRules;
        try {
            baseRules = BaseRules.resolve(base, working.directory().orElse(null));
        } catch (BaseRules.BaseRulesException e) {
            err.println("error: " + e.getMessage());
            err.flush();
            return ExitCodes.INVALID_INPUT;
        }
        try (baseRules) {
            out.println("base:    " + baseRules.description());
            out.println("changed: " + working.description());
            out.println();
            if (baseRules.source().sameContentAs(working)) {
                return readWithoutComparing(scenarios, out, err);
            }
            CompiledRules baseCompiled;
            try {
                baseCompiled = RuleLoader.load(baseRules.source(), common.cache());
            } catch (InvalidRulesException e) {
                err.println("error: the base rules, " + baseRules.description() + ", do not compile, so there is nothing to compare with: "
                        + e.getMessage());
                err.flush();
                return ExitCodes.INVALID_INPUT;
            }
            CompiledRules workingCompiled = RuleLoader.load(working, common.cache());
            // The diff compares each scenario's own outcomes and notes, so the iterate loop is left out.
            return compare(scenarios, pricing.configure(Advisor.builder(), baseCompiled).maxCycles(0).build(),
                    pricing.configure(Advisor.builder(), workingCompiled).maxCycles(0).build(), out, err);
        }
    }

    /**
     * Reads every scenario without evaluating it, for two rule sets that are the same, so that an invalid
     * scenario still fails the command as it does when the rules differ.
     */
    private static int readWithoutComparing(ScenarioInputs scenarios, PrintWriter out, PrintWriter err) {
        int invalid = 0;
        for (ScenarioInputs.Input input : scenarios) {
            if (!input.valid()) {
                err.println("error: " + input.error().getMessage());
                invalid++;
            }
        }
        err.flush();

        out.println("The two rule sets are the same, so no scenario changes.");
        if (invalid > 0) {
            out.println(invalid + (invalid == 1 ? " scenario is" : " scenarios are") + " invalid, and not compared");
        }
        out.flush();
        return invalid > 0 ? ExitCodes.INVALID_INPUT : ExitCodes.OK;
    }

    private int compare(ScenarioInputs scenarios, Advisor baseAdvisor, Advisor workingAdvisor, PrintWriter out, PrintWriter err) {
        int total = 0;
        int changed = 0;
        int explainedDifferently = 0;
        int invalid = 0;
        for (ScenarioInputs.Input input : scenarios) {
            if (!input.valid()) {
                err.println("error: " + input.error().getMessage());
                invalid++;
                continue;
            }
            Evaluation before;
            Evaluation after;
            try {
                before = evaluate(baseAdvisor, input, "base");
                after = evaluate(workingAdvisor, input, "changed");
            } catch (EvaluationException e) {
                err.println("error: " + e.getMessage());
                invalid++;
                continue;
            }
            total++;
            OutcomeDiff diff = OutcomeDiff.between(before, after);
            if (diff.outcomesDiffer() || (rationale && diff.explanationsDiffer())) {
                printScenario(out, input, diff);
                changed++;
            } else if (diff.explanationsDiffer()) {
                explainedDifferently++;
            }
        }
        err.flush();

        out.println(summary(changed, total, explainedDifferently, rationale));
        if (invalid > 0) {
            out.println(invalid + (invalid == 1 ? " scenario is" : " scenarios are") + " invalid or failed to evaluate, and not compared");
        }
        out.flush();
        if (invalid > 0) {
            return ExitCodes.INVALID_INPUT;
        }
        return changed > 0 ? ExitCodes.EXPECTATION_FAILED : ExitCodes.OK;
    }

    /**
     * Returns the closing line, such as {@code 4 scenarios of 18 change their outcomes; 9 more keep their
     * outcomes but change a rationale or rule (list them with --rationale)}. Each verb agrees with the count
     * before it.
     */
    static String summary(int changed, int total, int explainedDifferently, boolean rationale) {
        if (total == 0) {
            return "No scenario was compared";
        }
        StringBuilder summary = new StringBuilder()
                .append(ValidateCommand.count(changed, "scenario")).append(" of ").append(total)
                .append(changed == 1 ? " changes its outcomes" : " change their outcomes")
                .append(rationale ? " or the reasons for them" : "");
        if (explainedDifferently > 0) {
            summary.append("; ").append(explainedDifferently)
                    .append(explainedDifferently == 1 ? " more keeps its outcomes but changes a rationale or rule (list it with --rationale)"
                            : " more keep their outcomes but change a rationale or rule (list them with --rationale)");
        }
        return summary.toString();
    }

    private static Evaluation evaluate(Advisor advisor, ScenarioInputs.Input input, String which) {
        try {
            return advisor.evaluate(input.scenario());
        } catch (EvaluationException e) {
            throw new EvaluationException(input.origin() + ": under the " + which + " rules, " + e.getMessage(),
                    input.scenario().getName(), e.rule(), e.getCause());
        }
    }

    private void printScenario(PrintWriter out, ScenarioInputs.Input input, OutcomeDiff diff) {
        out.println(input.scenario().getName() + " (" + input.origin() + ")");
        for (OutcomeDiff.NodeChange change : diff.nodes()) {
            switch (change.kind()) {
                case REMOVED -> out.printf(ROW_FORMAT, "-", change.node().id(), change.before().getRationale());
                case ADDED -> out.printf(ROW_FORMAT, "+", change.node().id(), change.after().getRationale());
                case EXPLAINED_DIFFERENTLY -> {
                    if (rationale) {
                        printExplainedDifferently(out, change.before(), change.after());
                    }
                }
            }
        }
        for (OutcomeDiff.NoteChange change : diff.notes()) {
            Note note = change.note();
            out.printf(ROW_FORMAT, change.added() ? "+" : "-", "note", note.getKind().name().toLowerCase(Locale.ROOT) + ": " + note.getText());
        }
        out.println();
    }

    private static void printExplainedDifferently(PrintWriter out, Recommendation before, Recommendation after) {
        out.printf(ROW_FORMAT, "~", after.getNode(), after.getRationale());
        if (!before.getRationale().equals(after.getRationale())) {
            out.printf(MORE_FORMAT, "", "was: " + before.getRationale());
        }
        if (!Objects.equals(before.getRule(), after.getRule())) {
            out.printf(MORE_FORMAT, "", "rule was \"" + before.getRule() + "\", now \"" + after.getRule() + "\"");
        }
    }
}
