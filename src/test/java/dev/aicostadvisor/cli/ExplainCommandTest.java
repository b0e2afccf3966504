package dev.aicostadvisor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code advisor explain}: the chain behind an outcome, and clear errors for a node it cannot explain. */
class ExplainCommandTest {

    static final String CLINIC = "scenarios/clinic-network-patient-notes.yaml";

    @Test
    void nodeChainStartsAtDeployment() {
        CliRun run = CliRun.of("explain", "-q", CLINIC, "--node", "Deploy7");

        assertThat(run.exitCode()).isEqualTo(0);
        assertThat(run.out()).startsWith("""
                Clinic network summarising patient notes (scenarios/clinic-network-patient-notes.yaml)

                Deploy7: SageMaker or Vertex AI: reserved GPU capacity
                  reason     Private data and speed first: self-hosted models on reserved GPU capacity.
                  rule       "FinalDeploy Deploy7: private data, speed first" (rules/phase2/final_deployment.drl:62)
                """);
        assertThat(run.out()).contains("""
                              input      budget.monthlyUsd = 25000
                """, """
                      input      workload.businessDriver = SPEED
                """);
        assertThat(run.err()).isEmpty();
    }

    @Test
    void nodePatternExplainsMatchingOutcomes() {
        CliRun pattern = CliRun.of("explain", "-q", CLINIC, "--node", "Deploy*");
        CliRun single = CliRun.of("explain", "-q", CLINIC, "--node", "Deploy7");

        assertThat(pattern.exitCode()).isEqualTo(0);
        assertThat(pattern.out()).isEqualTo(single.out());
        assertThat(pattern.err()).isEmpty();
    }

    @Test
    void nodePatternReachingNothingIsRejected() {
        CliRun noneReached = CliRun.of("explain", "-q", CLINIC, "--node", "*Util");
        CliRun noneInFlowchart = CliRun.of("explain", "-q", CLINIC, "--node", "Zeta*");

        assertThat(noneReached.exitCode()).isEqualTo(2);
        assertThat(noneReached.err()).isEqualTo("error: " + CLINIC + " reaches none of the nodes that match '*Util' "
                + "(LowUtil, MedUtil, HighUtil); run without --node to see every outcome it reaches\n");
        assertThat(noneInFlowchart.exitCode()).isEqualTo(2);
        assertThat(noneInFlowchart.err()).isEqualTo("error: --node 'Zeta*' matches no flowchart node; node ids are those "
                + "that reports show, such as Vendor1 or Deploy5, and * stands for any characters\n");
    }

    @Test
    void unknownNodeSuggestsNearestId() {
        CliRun run = CliRun.of("explain", "-q", CLINIC, "--node", "deploy77");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEqualTo("error: --node 'deploy77' is not a flowchart node; did you mean 'Deploy7'? "
                + "Node ids are those that reports show, such as Vendor1 or Deploy5\n");
    }

    @Test
    void negativeDepthIsRejected() {
        CliRun run = CliRun.of("explain", "-q", CLINIC, "--depth", "-1");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("error: --depth -1 is negative; give 0 for the outcome alone, or more levels\n");
    }

    @Test
    void nodeNotReachedNamesTheOutcomeReached() {
        CliRun sameDecision = CliRun.of("explain", "-q", CLINIC, "--node", "Deploy5");
        CliRun noOutcome = CliRun.of("explain", "-q", CLINIC, "--node", "LowUtil");

        assertThat(sameDecision.exitCode()).isEqualTo(2);
        assertThat(sameDecision.out()).isEmpty();
        assertThat(sameDecision.err()).isEqualTo("error: " + CLINIC + " does not reach Deploy5; for FinalDeploy it reaches Deploy7, "
                + "so try --node Deploy7\n");
        assertThat(noOutcome.exitCode()).isEqualTo(2);
        assertThat(noOutcome.err()).isEqualTo("error: " + CLINIC + " does not reach LowUtil, nor any other outcome of GPU1; "
                + "run without --node to see every outcome it reaches\n");
    }

    @Test
    void invalidScenarioExitsTwo(@TempDir Path folder) throws IOException {
        Path bad = Files.writeString(folder.resolve("bad.yaml"),
                Files.readString(Path.of(CLINIC)).replace("aiEngineers: 1", "aiEngineers: many"));

        CliRun run = CliRun.of("explain", "-q", bad.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).startsWith("error: " + bad + ":9: org.aiEngineers: 'many' ");
    }
}
