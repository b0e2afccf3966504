package dev.aicostadvisor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.aicostadvisor.TestRules;

/** {@code advisor coverage}: rule firings over the suite, dead rules, unreached nodes, and exit codes. */
class CoverageCommandTest {

    @Test
    void shippedSuiteCoversEverything() {
        CliRun run = CliRun.of("coverage", "-q");

        assertThat(run.exitCode()).isEqualTo(0);
        assertThat(run.out()).startsWith("""
                Coverage of rules folder rules by 18 scenarios

                Rules that fired (89 of 89):
                  firings  scenarios  rule
                """);
        assertThat(run.out()).contains(
                "       18         18  rules/phase1/budget.drl:17                   Q2 budget bands\n",
                "        4          4  rules/phase1/budget.drl:25                   Q2 SmallBudget: budget below the small threshold\n",
                "        8          6  rules/phase4/advanced_techniques.drl:21      Adv1: quantization for a self-hosted deployment\n",
                "        5          5  rules/success/success_check.drl:109          Monitor: every measured metric meets its target\n");
        assertThat(run.out()).endsWith("""
                Rules that never fired: none

                Flowchart nodes that no scenario reaches: none

                coverage: 89 of 89 rules fired, 68 of 68 nodes reached
                """);
    }

    @Test
    void deadRuleAndUnreachedNodesExitOne(@TempDir Path folder) throws IOException {
        Path rules = TestRules.copyRules(folder.resolve("rules"));
        Files.writeString(rules.resolve("phase4/collaboration.drl"), """

                // Never fires: no budget is negative.
                rule "Collab3: negative budget"
                    ruleflow-group "phase4"
                when
                    dev.aicostadvisor.model.Budget(monthlyUsd < 0)
                then
                    insert(new Recommendation("Collab2", "never"));
                end
                """, StandardOpenOption.APPEND);

        CliRun run = CliRun.of("coverage", "-q", "--rules", rules.toString(), "scenarios/saas-support-assistant.yaml");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).startsWith("Coverage of rules folder " + rules + " by 1 scenario\n");
        assertThat(run.out()).contains("Rules that never fired (51), dead or tested by no scenario:\n",
                "Flowchart nodes that no scenario reaches (37 of 68):\n",
                "  POC_Track     POC track (decision Q1)\n",
                "  Deploy9       SageMaker or Vertex AI: hybrid capacity (decision FinalDeploy)\n");
        assertThat(run.out()).containsPattern("\n  " + rules + "/phase4/collaboration.drl:28 +Collab3: negative budget\n");
        assertThat(run.out()).containsPattern("\n  " + rules + "/phase1/budget.drl:25 +Q2 SmallBudget: budget below the small threshold\n");
        assertThat(run.out()).endsWith("coverage: 39 of 90 rules fired, 31 of 68 nodes reached\n");
    }

    @Test
    void invalidScenarioExitsTwo(@TempDir Path folder) throws IOException {
        Path suite = Files.createDirectories(folder.resolve("suite"));
        Files.copy(Path.of("scenarios/seed-startup-prototype.yaml"), suite.resolve("seed.yaml"));
        Files.writeString(suite.resolve("broken.yaml"), "name: [unclosed\n");

        CliRun run = CliRun.of("coverage", "-q", suite.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("error: " + suite.resolve("broken.yaml"));
        assertThat(run.out()).contains("Coverage of rules folder rules by 1 scenario\n",
                "1 scenario is invalid or failed to evaluate, and not counted\n");
    }
}
