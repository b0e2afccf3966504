package dev.aicostadvisor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.aicostadvisor.TestRules;

/** {@code advisor validate}: compile problems, files left out, and band values that reach no outcome or two. */
class ValidateCommandTest {

    static final String SMALL_RULE = "rule \"Q2 SmallBudget: budget below the small threshold\" (line 25)";
    static final String MED_RULE = "rule \"Q2 MedBudget: budget within the medium band\" (line 37)";
    static final String LARGE_RULE = "rule \"Q2 LargeBudget: budget above the large threshold\" (line 49)";

    @Test
    void shippedRulesValidateClean() {
        CliRun run = CliRun.of("validate", "-q");

        assertThat(run.exitCode()).isEqualTo(0);
        assertThat(run.out()).startsWith("""
                Checked rules folder rules: 22 rule files
                  files          every file in the folder is loaded
                  compile        89 rules compiled
                """);
        assertThat(run.out()).contains(
                "  Q2             budget.monthlyUsd, ",
                "  DeploymentRec  budget.monthlyUsd with org.aiEngineers, 9 pairs of outcomes of Q2 and Q3: each reaches exactly one outcome\n",
                "  FinalDeploy    workload.dataSensitivity with workload.businessDriver, 9 pairs of outcomes of Q4 and TB1: each reaches exactly one outcome\n",
                "  WL1            workload.pattern, 3 values (CONSTANT, PEAKS, VARIABLE): each reaches exactly one outcome\n");
        assertThat(run.out()).containsPattern("  GPU1           gpuFleet.utilizationPercent, \\d+ values from 0 to 100: each reaches exactly one outcome\n");
        assertThat(run.out()).endsWith("valid: no problems\n");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void overlapAtSmallThresholdIsReported(@TempDir Path folder) {
        Path rules = TestRules.copyRules(folder.resolve("rules"));
        // The small band now includes its edge, which the medium band includes too.
        TestRules.replace(rules.resolve("phase1/budget.drl"), "Budget($usd : monthlyUsd < $small)", "Budget($usd : monthlyUsd <= $small)");

        CliRun run = CliRun.of("validate", "-q", "--rules", rules.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).startsWith(rules + "/phase1/budget.drl:25:1: Q2: budget.monthlyUsd = 10000 reaches 2 outcomes, "
                + "SmallBudget by " + SMALL_RULE + " and MedBudget by " + MED_RULE
                + "; each value must reach exactly one of SmallBudget, MedBudget, LargeBudget\n\n");
        assertThat(run.out()).containsPattern("  Q2             budget.monthlyUsd, \\d+ values from 0 to 10000000000: 1 problem\n");
        assertThat(run.out()).endsWith("invalid: 1 problem\n");
    }

    @Test
    void gapAtLargeThresholdIsReported(@TempDir Path folder) {
        Path rules = TestRules.copyRules(folder.resolve("rules"));
        // The medium band now stops short of its upper edge, which the large band excludes.
        TestRules.replace(rules.resolve("phase1/budget.drl"), "monthlyUsd <= $large)", "monthlyUsd < $large)");

        CliRun run = CliRun.of("validate", "-q", "--rules", rules.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).startsWith(rules + "/phase1/budget.drl:37:1: Q2: budget.monthlyUsd = 100000 reaches none of "
                + "SmallBudget, MedBudget, LargeBudget; 99999.999999999 reaches MedBudget by " + MED_RULE
                + ", and 100000.000000001 reaches LargeBudget by " + LARGE_RULE + "\n\n");
        assertThat(run.out()).endsWith("invalid: 1 problem\n");
    }

    @Test
    void brokenFilesAreAllListed(@TempDir Path folder) throws IOException {
        Path rules = TestRules.copyRules(folder.resolve("rules"));
        TestRules.replace(rules.resolve("phase1/budget.drl"), "Budget($usd : monthlyUsd < $small)", "Budget($usd : monthlyUsd < $small");
        TestRules.replace(rules.resolve("phase2/token_volume.drl"), "package phase2;", "package phase3;");
        TestRules.replace(rules.resolve("phase4/collaboration.drl"), "rule \"Collab2: recognition programs\"", "rule \"Collab1: joint optimisation sessions\"");
        Files.copy(rules.resolve("phase3/inference.drl"), rules.resolve("phase3/inference.drl.bak"));

        CliRun run = CliRun.of("validate", "-q", "--rules", rules.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).contains(
                rules + "/phase3/inference.drl.bak: " + ValidateCommand.NOT_LOADED + "\n",
                rules + "/phase1/budget.drl:31:1: [ERR 102] Line 31:0 mismatched input 'then' in rule \"Q2 SmallBudget: budget below the small threshold\"\n",
                rules + "/phase2/token_volume.drl:1:1: package 'phase3' does not match the folder; expected 'package phase2;'\n",
                rules + "/phase4/collaboration.drl:18:1: rule name \"Collab1: joint optimisation sessions\" is already used at "
                        + rules + "/phase4/collaboration.drl:8; give each rule its own name\n");
        assertThat(run.out()).contains("""
                  files          1 file is not loaded
                  compile        3 problems
                  decisions      not checked, because the rules do not compile
                invalid: 4 problems
                """);
    }

    @Test
    void missingFolderIsOneLineError(@TempDir Path folder) {
        CliRun run = CliRun.of("validate", "-q", "--rules", folder.resolve("nothing").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEqualTo("error: rules folder not found: " + folder.resolve("nothing")
                + "; give a folder that holds phase1/ to success/ with .drl files\n");
    }
}
