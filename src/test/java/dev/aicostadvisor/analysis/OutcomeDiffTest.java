package dev.aicostadvisor.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import dev.aicostadvisor.Advisor;
import dev.aicostadvisor.Evaluation;
import dev.aicostadvisor.TestRules;
import dev.aicostadvisor.model.Budget;
import dev.aicostadvisor.model.Scenario;
import dev.aicostadvisor.scenario.ScenarioReader;

/** Comparing two evaluations node by node, as {@code advisor diff} does. */
class OutcomeDiffTest {

    private static final Advisor ADVISOR = TestRules.advisor();

    @Test
    void smallerBudgetChangesBandsReasonsAndNotes() {
        Scenario saas = ScenarioReader.read(Path.of("scenarios/saas-support-assistant.yaml"));
        Scenario smaller = saas.toBuilder().budget(new Budget(new BigDecimal("5000"), null)).build();

        OutcomeDiff diff = OutcomeDiff.between(ADVISOR.evaluate(saas), ADVISOR.evaluate(smaller));

        assertThat(diff.nodes()).extracting(change -> change.kind() + " " + change.node().id()).containsExactly(
                "ADDED SmallBudget", "REMOVED MedBudget", "ADDED Vendor1", "REMOVED Vendor2", "EXPLAINED_DIFFERENTLY Budget1");
        OutcomeDiff.NodeChange alerts = diff.nodes().get(4);
        assertThat(alerts.before().getRationale()).isEqualTo("Alert at 80% of the 45,000 USD monthly budget, which is 36,000 USD. "
                + "At this month's forecast of 41.75 USD and 0% weekly growth, spend stays below the alert for all 13 projected weeks.");
        assertThat(alerts.after().getRationale()).isEqualTo("Alert at 80% of the 5,000 USD monthly budget, which is 4,000 USD. "
                + "At this month's forecast of 41.75 USD and 0% weekly growth, spend stays below the alert for all 13 projected weeks.");
        assertThat(diff.nodes().get(0).before()).isNull();
        assertThat(diff.nodes().get(1).after()).isNull();
        assertThat(diff.notes()).extracting(change -> change.added() + " " + change.note().getText()).containsExactly(
                "true Spend this month is not given, so Optimize1 did not check for a budget overrun.");
        assertThat(diff.outcomesDiffer()).isTrue();
        assertThat(diff.explanationsDiffer()).isTrue();
    }

    @Test
    void sameEvaluationHasNoDifference() {
        Evaluation evaluation = ADVISOR.evaluate(ScenarioReader.read(Path.of("scenarios/clinic-network-patient-notes.yaml")));

        OutcomeDiff diff = OutcomeDiff.between(evaluation, evaluation);

        assertThat(diff.nodes()).isEmpty();
        assertThat(diff.notes()).isEmpty();
        assertThat(diff.outcomesDiffer()).isFalse();
        assertThat(diff.explanationsDiffer()).isFalse();
    }
}
