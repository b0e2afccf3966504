package dev.aicostadvisor.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.aicostadvisor.TestRules;
import dev.aicostadvisor.rules.CompiledRules;
import dev.aicostadvisor.rules.RuleCompiler;
import dev.aicostadvisor.rules.RuleSource;

/** The decision sweep behind {@code validate}: ranges, literals, enum choices and syntheses. */
class DecisionSweepTest {

    static DecisionSweep.Result resultOf(List<DecisionSweep.Result> results, String decision) {
        return results.stream().filter(r -> r.decision().id().equals(decision)).findFirst().orElseThrow();
    }

    /** Sweeps a copy of the rules with edits: each file in the comma-separated list gets one replacement. */
    static List<DecisionSweep.Result> sweepEdited(Path folder, String files, String... fromTo) {
        Path rules = TestRules.copyRules(folder.resolve("rules"));
        String[] names = files.split(",");
        for (int i = 0; i < fromTo.length; i += 2) {
            TestRules.replace(rules.resolve(names[i / 2]), fromTo[i], fromTo[i + 1]);
        }
        CompiledRules compiled = RuleCompiler.compile(RuleSource.directory(rules));
        return DecisionSweep.run(compiled);
    }

    @Test
    void shippedRulesHaveNoFinding() {
        List<DecisionSweep.Result> results = DecisionSweep.run(TestRules.shipped());

        assertThat(results).extracting(r -> r.decision().id()).containsExactly(
                "Q1", "Q2", "Q3", "DeploymentRec", "Q4", "TB1", "FinalDeploy", "TB2", "TB3", "Q5", "GPU1", "WL1");
        for (DecisionSweep.Result result : results) {
            assertThat(result.findings()).as("findings of %s", result.decision().id()).isEmpty();
        }
        assertThat(resultOf(results, "Q5").checked()).endsWith(" values from 0 to 10000000000000000");
        assertThat(resultOf(results, "TB2").checked()).endsWith(" values from 0.000000001 to 86400000");
    }

    @Test
    void literalThresholdLeavesRangeInTwoBands(@TempDir Path folder) {
        List<DecisionSweep.Result> results = sweepEdited(folder, "phase1/budget.drl,phase3/gpu_utilization.drl",
                "Budget($usd : monthlyUsd < $small)", "Budget($usd : monthlyUsd < 20000)",
                "utilizationPercent >= $low, utilizationPercent <= $high", "utilizationPercent > $low, utilizationPercent <= $high");

        List<DecisionSweep.Finding> budget = resultOf(results, "Q2").findings();
        assertThat(budget).hasSize(1);
        assertThat(budget.get(0).from()).isEqualTo("10000");
        assertThat(budget.get(0).to()).isEqualTo("19999.999999999");
        assertThat(budget.get(0).reached()).extracting(DecisionSweep.Reached::node).containsExactly("SmallBudget", "MedBudget");
        assertThat(budget.get(0).problem().line()).isEqualTo(25);
        assertThat(budget.get(0).problem().message()).startsWith("Q2: budget.monthlyUsd from 10000 to 19999.999999999 (");

        List<DecisionSweep.Finding> utilisation = resultOf(results, "GPU1").findings();
        assertThat(utilisation).extracting(DecisionSweep.Finding::values).containsExactly("gpuFleet.utilizationPercent = 50");
        assertThat(utilisation.get(0).reached()).isEmpty();
        assertThat(utilisation.get(0).problem().message()).isEqualTo("GPU1: gpuFleet.utilizationPercent = 50 reaches none of "
                + "LowUtil, MedUtil, HighUtil; 49.999999999 reaches LowUtil by rule \"GPU1 LowUtil: utilisation below the low threshold\" "
                + "(line 26), and 50.000000001 reaches MedUtil by rule \"GPU1 MedUtil: utilisation within the moderate band\" (line 38)");
        assertThat(resultOf(results, "Q1").findings()).isEmpty();
    }

    @Test
    void copiedRulesBreakChoicesAndSyntheses(@TempDir Path folder) {
        // Deploy9 copied from Deploy6 and not fully edited; Variable widened to match predictable peaks too.
        List<DecisionSweep.Result> results = sweepEdited(folder, "phase2/final_deployment.drl,phase3/workload_pattern.drl",
                "    Recommendation(node == \"Private\")\n    Recommendation(node == \"ValueFirst\")",
                "    Recommendation(node == \"Moderate\")\n    Recommendation(node == \"ValueFirst\")",
                "pattern == WorkloadPattern.VARIABLE", "pattern != WorkloadPattern.CONSTANT");

        String file = folder.resolve("rules/phase2/final_deployment.drl").toString();
        String deploys = "Deploy1, Deploy2, Deploy3, Deploy4, Deploy5, Deploy6, Deploy7, Deploy8, Deploy9";
        assertThat(resultOf(results, "FinalDeploy").findings()).extracting(f -> f.problem().toString()).containsExactly(
                file + ":53:1: FinalDeploy: workload.dataSensitivity = MODERATE (Moderate) with workload.businessDriver = VALUE "
                        + "(ValueFirst) reaches 2 outcomes, Deploy6 by rule \"FinalDeploy Deploy6: regulated data, value first\" (line 53) "
                        + "and Deploy9 by rule \"FinalDeploy Deploy9: private data, value first\" (line 80); each value must reach "
                        + "exactly one of " + deploys,
                file + ": FinalDeploy: workload.dataSensitivity = HIGH (Private) with workload.businessDriver = VALUE (ValueFirst) "
                        + "reaches none of " + deploys);
        assertThat(resultOf(results, "WL1").findings()).extracting(f -> f.problem().toString()).containsExactly(
                folder.resolve("rules/phase3/workload_pattern.drl") + ":22:1: WL1: workload.pattern = PEAKS reaches 2 outcomes, "
                        + "Peak by rule \"WL1 Peak: predictable peaks\" (line 22) and Variable by rule \"WL1 Variable: highly variable load\" "
                        + "(line 33); each value must reach exactly one of Constant, Peak, Variable");
        assertThat(resultOf(results, "TB1").findings()).isEmpty();
    }
}
