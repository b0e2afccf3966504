package dev.aicostadvisor;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import dev.aicostadvisor.model.Budget;
import dev.aicostadvisor.model.Decision;
import dev.aicostadvisor.model.DecisionKind;
import dev.aicostadvisor.model.Flowchart;
import dev.aicostadvisor.model.Limits;
import dev.aicostadvisor.model.Org;
import dev.aicostadvisor.model.Recommendation;
import dev.aicostadvisor.model.Scenario;
import dev.aicostadvisor.report.JsonReport;
import dev.aicostadvisor.report.JsonReportReader;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.statistics.StatisticsReport;

/**
 * Properties of every valid scenario, checked on generated ones (see {@link ScenarioArbitraries}). All
 * tries share one compiled rule base.
 */
class ScenarioPropertyTest {

    private static final Advisor ADVISOR = TestRules.advisor();

    /** How DeploymentRec ranks its outcomes, from the least to the most in-house work. */
    private static final Map<String, Integer> DEPLOYMENT_RANK = Map.of("Vendor1", 1, "Vendor2", 2, "DIY", 3);

    @Provide
    Arbitrary<Scenario> scenarios() {
        return ScenarioArbitraries.scenarios();
    }

    /** Raises of the monthly budget: cents, small steps, steps across a band, and up to the largest amount. */
    @Provide
    Arbitrary<BigDecimal> budgetRaises() {
        return Arbitraries.oneOf(
                Arbitraries.of(new BigDecimal("0.01"), BigDecimal.ONE, new BigDecimal("10000"), new BigDecimal("90000")),
                Arbitraries.bigDecimals().between(BigDecimal.ZERO, Limits.MAX_USD).ofScale(2));
    }

    @Provide
    Arbitrary<Integer> engineerRaises() {
        return Arbitraries.oneOf(Arbitraries.integers().between(1, 10), Arbitraries.integers().between(0, Limits.MAX_ENGINEERS));
    }

    /**
     * Checks that every banded and single-choice decision reaches exactly one outcome. The coverage check
     * fails the property when the generators never reach one of the outcomes, which would leave it untested.
     */
    @Property
    @StatisticsReport(StatisticsReport.StatisticsReportMode.OFF)
    void everySingleChoiceDecisionHasOneOutcome(@ForAll("scenarios") Scenario scenario) {
        Evaluation evaluation = ADVISOR.evaluate(scenario);

        for (Decision decision : Flowchart.decisions()) {
            if (decision.kind() != DecisionKind.BANDS && decision.kind() != DecisionKind.SINGLE_CHOICE) {
                continue;
            }
            // GPU utilisation is a question only for an organisation that runs its own GPUs.
            int expected = decision.id().equals("GPU1") && scenario.getGpuFleet() == null ? 0 : 1;
            List<String> outcomes = evaluation.ofDecision(decision.id()).stream().map(Recommendation::getNode).toList();
            assertThat(outcomes).as("outcomes of %s for %s", decision.id(), describe(scenario)).hasSize(expected);

            Statistics.label(decision.id()).collect(outcomes.isEmpty() ? "none" : outcomes.get(0));
            Statistics.label(decision.id()).coverage(coverage -> {
                for (String outcome : decision.outcomes()) {
                    coverage.check(outcome).count(count -> count > 0);
                }
            });
        }
    }

    @Property
    void raisingBudgetNeverLowersDeployment(@ForAll("scenarios") Scenario scenario, @ForAll("budgetRaises") BigDecimal raise) {
        Budget budget = scenario.getBudget();
        BigDecimal raised = budget.getMonthlyUsd().add(raise).min(Limits.MAX_USD);
        Scenario richer = scenario.toBuilder().budget(new Budget(raised, budget.getSpentThisMonthUsd())).build();

        assertThat(deploymentRank(richer)).as("deployment rank at %s USD against %s USD for %s", raised.toPlainString(),
                budget.getMonthlyUsd().toPlainString(), describe(scenario)).isGreaterThanOrEqualTo(deploymentRank(scenario));
    }

    @Property
    void addingEngineersNeverLowersDeployment(@ForAll("scenarios") Scenario scenario, @ForAll("engineerRaises") int raise) {
        Org org = scenario.getOrg();
        int raised = (int) Math.min(Limits.MAX_ENGINEERS, (long) org.getAiEngineers() + raise);
        Scenario stronger = scenario.toBuilder().org(new Org(org.getName(), org.getAiMaturityMonths(), raised)).build();

        assertThat(deploymentRank(stronger)).as("deployment rank with %d engineers against %d for %s", raised,
                org.getAiEngineers(), describe(scenario)).isGreaterThanOrEqualTo(deploymentRank(scenario));
    }

    @Property
    void noEvaluationFails(@ForAll("scenarios") Scenario scenario) {
        Evaluation first = ADVISOR.evaluate(scenario);
        Evaluation second = ADVISOR.evaluate(scenario);

        assertThat(first.ruleFirings()).isBetween(1, Advisor.DEFAULT_MAX_FIRINGS - 1);
        assertThat(second.recommendations()).as("a second evaluation of the same scenario").isEqualTo(first.recommendations());
        assertThat(second.notes()).as("notes of a second evaluation").isEqualTo(first.notes());
    }

    @Property
    void jsonReadsBackToSameRecommendations(@ForAll("scenarios") Scenario scenario) {
        Evaluation evaluation = ADVISOR.evaluate(scenario);

        for (String json : List.of(JsonReport.render(evaluation), JsonReport.renderLine(evaluation))) {
            JsonReportReader.Report report = JsonReportReader.read(json);

            assertThat(report.scenario()).isEqualTo(scenario.getName());
            assertThat(report.recommendations()).isEqualTo(evaluation.recommendations());
            assertThat(report.notes()).isEqualTo(evaluation.notes());
        }
    }

    /** Describes every part of a generated scenario, whose own toString gives only its name. */
    static String describe(Scenario scenario) {
        return scenario.getOrg() + ", " + scenario.getBudget() + ", " + scenario.getWorkload() + ", "
                + scenario.getGpuFleet() + ", " + scenario.getMetrics();
    }

    private static int deploymentRank(Scenario scenario) {
        List<Recommendation> deployment = ADVISOR.evaluate(scenario).ofDecision("DeploymentRec");
        assertThat(deployment).as("DeploymentRec outcomes of %s", describe(scenario)).hasSize(1);
        return DEPLOYMENT_RANK.get(deployment.get(0).getNode());
    }
}
