package dev.aicostadvisor.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import dev.aicostadvisor.analysis.DecisionSweep;
import dev.aicostadvisor.rules.CompiledRules;
import dev.aicostadvisor.rules.InvalidRulesException;
import dev.aicostadvisor.rules.RuleLoader;
import dev.aicostadvisor.rules.RuleProblem;
import dev.aicostadvisor.rules.RuleSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code advisor validate}: compiles the rules, lists every problem, and checks that each band value reaches one outcome. */
@Command(name = "validate", sortOptions = false, mixinStandardHelpOptions = true, versionProvider = AdvisorCommand.Version.class,
        description = {
                "Checks that the rules compile and that each band value reaches exactly one outcome.",
                "",
                "Compiles the rules and lists every problem as FILE:LINE:COLUMN: MESSAGE: syntax and type errors, "
                        + "a package that does not match its folder, a rule name used twice, and files in the folder that are "
                        + "not loaded.",
                "",
                "Then it sweeps the input of each banded decision (Q1, Q2, Q3, TB2, Q5, GPU1) across its range, "
                        + "including every band edge and number in the decision's rule file and the values just either side, "
                        + "and reports each value that reaches no outcome of the decision or more than one, with the rules "
                        + "involved. Single-choice decisions are checked for each of their input's values, and DeploymentRec "
                        + "and FinalDeploy for each pair of the outcomes they combine."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                "0:the rules compile and every check passes",
                "2:a problem was found, or the rules folder cannot be read",
                "3:internal error in the advisor"})
final class ValidateCommand implements Callable<Integer> {

    static final String NOT_LOADED = "this file is not loaded: the advisor reads only .drl files, and the data files "
            + String.join(", ", RuleSource.DATA_FILES.subList(0, RuleSource.DATA_FILES.size() - 1)) + " and "
            + RuleSource.DATA_FILES.get(RuleSource.DATA_FILES.size() - 1)
            + " at the top of the folder; rename it or move it out of the rules folder";

    private static final String LABEL_FORMAT = "  %-14s %s%n";

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Override
    public Integer call() {
        common.applyLogging();
        RuleSource source = RuleSource.resolve(common.rules);
        PrintWriter out = spec.commandLine().getOut();

        List<RuleProblem> problems = new ArrayList<>();
        for (String file : source.ignoredFiles()) {
            problems.add(new RuleProblem(file, 0, 0, NOT_LOADED));
        }
        CompiledRules compiled = null;
        List<RuleProblem> compileProblems = new ArrayList<>();
        try {
            compiled = RuleLoader.load(source, common.cache());
        } catch (InvalidRulesException e) {
            compileProblems.addAll(e.problems().isEmpty()
                    ? List.of(new RuleProblem(source.description(), 0, 0, e.getMessage()))
                    : e.problems());
        }
        problems.addAll(compileProblems);
        List<DecisionSweep.Result> results = compiled == null ? List.of() : DecisionSweep.run(compiled);
        for (DecisionSweep.Result result : results) {
            for (DecisionSweep.Finding finding : result.findings()) {
                problems.add(finding.problem());
            }
        }

        for (RuleProblem problem : problems) {
            out.println(problem);
        }
        if (!problems.isEmpty()) {
            out.println();
        }
        printSummary(out, source, compiled, compileProblems.size(), results);
        out.println(problems.isEmpty() ? "valid: no problems" : "invalid: " + count(problems.size(), "problem"));
        out.flush();
        return problems.isEmpty() ? ExitCodes.OK : ExitCodes.INVALID_INPUT;
    }

    private static void printSummary(PrintWriter out, RuleSource source, CompiledRules compiled, int compileProblems,
                                     List<DecisionSweep.Result> results) {
        out.println("Checked " + source.description() + ": " + count(source.files().size(), "rule file"));
        int ignored = source.ignoredFiles().size();
        out.printf(LABEL_FORMAT, "files", ignored == 0 ? "every file in the folder is loaded"
                : count(ignored, "file") + (ignored == 1 ? " is" : " are") + " not loaded");
        out.printf(LABEL_FORMAT, "compile", compiled != null ? count(compiled.ruleCount(), "rule") + " compiled"
                : count(compileProblems, "problem"));
        if (compiled == null) {
            out.printf(LABEL_FORMAT, "decisions", "not checked, because the rules do not compile");
            return;
        }
        for (DecisionSweep.Result result : results) {
            String verdict = result.clean() ? "each reaches exactly one outcome" : count(result.findings().size(), "problem");
            out.printf(LABEL_FORMAT, result.decision().id(), result.checked() + ": " + verdict);
        }
    }

    static String count(int number, String noun) {
        return number + " " + noun + (number == 1 ? "" : "s");
    }
}
