package dev.aicostadvisor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.aicostadvisor.forecast.ClassCost;
import dev.aicostadvisor.forecast.CountedSaving;
import dev.aicostadvisor.forecast.TechniqueSaving;
import dev.aicostadvisor.model.Budget;
import dev.aicostadvisor.model.BusinessDriver;
import dev.aicostadvisor.model.BusinessImpact;
import dev.aicostadvisor.model.DataSensitivity;
import dev.aicostadvisor.model.GpuFleet;
import dev.aicostadvisor.model.Metrics;
import dev.aicostadvisor.model.Note;
import dev.aicostadvisor.model.NoteKind;
import dev.aicostadvisor.model.Org;
import dev.aicostadvisor.model.Phase;
import dev.aicostadvisor.model.QueryMix;
import dev.aicostadvisor.model.Recommendation;
import dev.aicostadvisor.model.Scenario;
import dev.aicostadvisor.model.Workload;
import dev.aicostadvisor.model.WorkloadPattern;
import dev.aicostadvisor.report.MarkdownReport;
import dev.aicostadvisor.report.TextReport;
import dev.aicostadvisor.scenario.ScenarioReader;

/** The Java API: scenarios built as objects, evaluated through a shared advisor. */
class AdvisorTest {

    private static final Advisor ADVISOR = TestRules.advisor();

    static Scenario saasAssistant() {
        return Scenario.builder("Mid-size SaaS support assistant")
                .org(new Org("Example Co", new BigDecimal("8"), 3))
                .budget(new Budget(new BigDecimal("45000"), new BigDecimal("30000")))
                .workload(new Workload(DataSensitivity.MODERATE, BusinessDriver.COST, new BigDecimal("1200"),
                        BusinessImpact.PRODUCTIVITY, 40_000_000L, WorkloadPattern.PEAKS, null))
                .metrics(new Metrics(new BigDecimal("2.0"), new BigDecimal("1.5"), new BigDecimal("600"),
                        new BigDecimal("2.9"), new BigDecimal("0.3")))
                .build();
    }

    @Test
    void readmeJavaExampleTotal() {
        // The scenario of README.md's "Embedding the advisor in Java", unchanged. It measures no cache hit rate,
        // so 40,000,000 tokens at the default mix cost 28.00 + 16.80 + 1.40 = 46.20 USD a month.
        Scenario scenario = Scenario.builder("Support assistant")
                .org(new Org("Example Co", new BigDecimal("8"), 3))
                .budget(new Budget(new BigDecimal("45000"), null))
                .workload(new Workload(DataSensitivity.MODERATE, BusinessDriver.COST, new BigDecimal("1200"),
                        BusinessImpact.PRODUCTIVITY, 40_000_000L, WorkloadPattern.PEAKS, null))
                .build();

        Evaluation evaluation = ADVISOR.evaluate(scenario);

        assertThat(evaluation.nodes()).startsWith("Prod_Track", "MedBudget", "ModerateTech", "Vendor2");
        assertThat(evaluation.ofDecision("FinalDeploy")).extracting(Recommendation::getNode).containsExactly("Deploy5");
        assertThat(evaluation.forecast().getTotalMonthlyUsd()).isEqualTo(new BigDecimal("46.20"));
    }

    @Test
    void readmeJavaExampleYamlTotal() {
        // The example's commented-out alternative reads the YAML file, whose 30% cache hit rate lowers the forecast.
        Scenario scenario = ScenarioReader.read(Path.of("scenarios/saas-support-assistant.yaml"));

        assertThat(ADVISOR.evaluate(scenario).forecast().getTotalMonthlyUsd()).isEqualTo(new BigDecimal("41.75"));
    }

    @Test
    void outcomesComeInFlowchartOrder() {
        Evaluation evaluation = ADVISOR.evaluate(saasAssistant());

        assertThat(evaluation.nodes()).containsExactly(
                "Prod_Track", "MedBudget", "ModerateTech", "Vendor2",
                "Moderate", "CostFirst", "Deploy5", "Interactive", "Productivity", "Mixed",
                "LargeModel", "MediumModel", "SmallModel", "RAG", "Routing", "Cache", "TokenOpt", "Peak",
                "Budget1", "Budget2", "Metrics1", "Metrics3", "Collab1", "Collab2", "Opt1", "Opt2", "Adv2", "Adv3",
                "Optimize1", "Optimize3", "Iterate");
    }

    @Test
    void recommendationNamesRuleAndReason() {
        Recommendation budget = ADVISOR.evaluate(saasAssistant()).ofDecision("Q2").get(0);

        assertThat(budget.getNode()).isEqualTo("MedBudget");
        assertThat(budget.getPhase()).isEqualTo(Phase.PHASE_1);
        assertThat(budget.getTitle()).isEqualTo("Medium budget: flexibility level");
        assertThat(budget.getRationale()).isEqualTo("Monthly budget 45,000 USD is from 10,000 USD to 100,000 USD.");
        assertThat(budget.getRule()).isEqualTo("Q2 MedBudget: budget within the medium band");
    }

    @Test
    void deploymentFollowsPrivacyAndDriver() {
        Recommendation deploy = ADVISOR.evaluate(saasAssistant()).ofDecision("FinalDeploy").get(0);

        assertThat(deploy.getNode()).isEqualTo("Deploy5");
        assertThat(deploy.getTitle()).isEqualTo("AWS Bedrock or Azure OpenAI: on-demand");
        assertThat(deploy.getRule()).isEqualTo("FinalDeploy Deploy5: regulated data, cost first");
    }

    @Test
    void successChecksFireIndependently() {
        Evaluation evaluation = ADVISOR.evaluate(saasAssistant());

        assertThat(evaluation.ofDecision("Success")).extracting(Recommendation::getRationale).containsExactly(
                "Cost per million tokens 2.00 USD is above the target of 1.50 USD.",
                "ROI 2.9:1 is below the minimum of 3:1.");
        assertThat(evaluation.ofDecision("Loop")).extracting(Recommendation::getRationale)
                .containsExactly("Apply Optimize1, Optimize3, then reassess from Phase 2.");
    }

    @Test
    void twoRulesForOneNodeMergeIntoOneOutcome() {
        Scenario overrun = saasAssistant().toBuilder()
                .budget(new Budget(new BigDecimal("45000"), new BigDecimal("50000")))
                .build();

        List<Recommendation> optimize1 = ADVISOR.evaluate(overrun).recommendations().stream()
                .filter(r -> r.getNode().equals("Optimize1")).toList();

        assertThat(optimize1).hasSize(1);
        assertThat(optimize1.get(0).getRationale()).isEqualTo(
                "Cost per million tokens 2.00 USD is above the target of 1.50 USD. "
                        + "Spend this month 50,000 USD is above the monthly budget of 45,000 USD.");
        assertThat(optimize1.get(0).getRule()).isEqualTo(
                "Optimize1: cost per million tokens above target; Optimize1: this month's spend over budget");
    }

    @Test
    void missingMetricsAreNotedNotTriggered() {
        Scenario unmeasured = saasAssistant().toBuilder().metrics(Metrics.NONE).build();

        Evaluation evaluation = ADVISOR.evaluate(unmeasured);

        assertThat(evaluation.nodes()).contains("Monitor", "End").doesNotContain("Optimize1", "Iterate");
        assertThat(evaluation.notes()).filteredOn(note -> note.getKind() == NoteKind.NOT_MEASURED)
                .extracting(Note::getText).containsExactly(
                        "Cost per million tokens and its target are not both measured, so Optimize1 did not check them.",
                        "p95 latency is not measured, so Optimize2 did not check it.",
                        "ROI is not measured, so Optimize3 did not check it.");
    }

    @Test
    void conflictBetweenPhasesIsNoted() {
        Scenario clinic = Scenario.builder("Clinic")
                .org(new Org(null, new BigDecimal("6"), 1))
                .budget(new Budget(new BigDecimal("25000"), null))
                .workload(new Workload(DataSensitivity.HIGH, BusinessDriver.SPEED, new BigDecimal("400"),
                        BusinessImpact.PRODUCTIVITY, 8_000_000L, WorkloadPattern.PEAKS, null))
                .build();

        Evaluation evaluation = ADVISOR.evaluate(clinic);

        assertThat(evaluation.nodes()).contains("Vendor1", "Deploy7");
        assertThat(evaluation.notes()).filteredOn(note -> note.getKind() == NoteKind.CONFLICT)
                .extracting(Note::getNodes).containsExactly(List.of("Vendor1", "Deploy7"));
    }

    @Test
    void gpuNodesNeedAFleetOrSelfHosting() {
        Evaluation withoutFleet = ADVISOR.evaluate(saasAssistant());
        Evaluation withFleet = ADVISOR.evaluate(saasAssistant().toBuilder()
                .gpuFleet(new GpuFleet(16, new BigDecimal("42"), new BigDecimal("4.10"))).build());

        assertThat(withoutFleet.nodes()).doesNotContain("LowUtil", "Metrics2", "Adv1", "Optimize4");
        assertThat(withFleet.nodes()).contains("LowUtil", "Metrics2", "Adv1", "Optimize4");
        assertThat(withFleet.ofDecision("GPU1").get(0).getRationale())
                .isEqualTo("16 GPUs at 42% utilisation, below 50%.");
    }

    @Test
    void growthDoesNotGrowTheGpuFleet() {
        Scenario growing = saasAssistant().toBuilder()
                .gpuFleet(new GpuFleet(16, new BigDecimal("95"), new BigDecimal("3.00")))
                .forecast(new dev.aicostadvisor.model.ForecastInputs(null, java.util.Map.of(), null, new BigDecimal("5"), List.of()))
                .build();

        Evaluation evaluation = ADVISOR.evaluate(growing);

        // 16 GPUs x 3.00 USD x 730 hours = 35,040.00 a month, flat; only the token spend grows 5% a week.
        assertThat(evaluation.forecast().getGpuMonthlyUsd()).isEqualByComparingTo("35040.00");
        assertThat(evaluation.forecast().getPeakMonthlyRateUsd()).isLessThan(new BigDecimal("35200"));
        assertThat(evaluation.recommendations()).filteredOn(r -> r.getNode().equals("Optimize1"))
                .extracting(Recommendation::getRationale).isNotEmpty().noneMatch(rationale -> rationale.startsWith("The forecast reaches"));
    }

    @Test
    void gpuCycleStatesTheCutMade() {
        assertThat(gpuAdjustment("scenarios/edges/just-below-lower-edges.yaml"))
                .as("4 GPUs less 40% is 2.4, rounded up to 3").isEqualTo("4 -> 3 (LowUtil -40%: 3 of 4 GPUs, -25%)");
        assertThat(gpuAdjustment("scenarios/enterprise-gpu-fleet.yaml"))
                .isEqualTo("64 -> 30 (LowUtil -40%, Optimize4 consolidates towards 90% utilisation: 30 of 64 GPUs, -53.13%)");
        assertThat(gpuAdjustment("scenarios/edges/upper-edges.yaml")).as("4 GPUs at 80% need 3.2 / 0.9 = 3.56, so 4")
                .isEqualTo("4 -> 4 (MedUtil -20%: no GPU can go, since the work needs 4 GPUs at 90% utilisation)");
    }

    @Test
    void optimize4AloneSaysWhyNoGpuCanGo() {
        Evaluation evaluation = ADVISOR.evaluate(ScenarioReader.read(Path.of("scenarios/gpu-training-cluster.yaml")));

        assertThat(evaluation.iteration().cycles()).isEmpty();
        assertThat(evaluation.iteration().stopReason()).isEqualTo("Cycle 1 would change no figure: gpuFleet.gpus: Optimize4 "
                + "consolidates towards 90% utilisation: no GPU can go, since the work needs 8 GPUs at 90% utilisation.");
        assertThat(MarkdownReport.render(evaluation)).contains("### Next cycle\n\nCycle 1 would change no figure");
    }

    @Test
    void singleGpuIsSingular() {
        Scenario single = saasAssistant().toBuilder()
                .gpuFleet(new GpuFleet(1, new BigDecimal("30"), new BigDecimal("2.50"))).build();

        Evaluation evaluation = ADVISOR.evaluate(single);

        assertThat(evaluation.ofDecision("GPU1").get(0).getRationale()).startsWith("1 GPU at 30% utilisation");
        assertThat(TextReport.render(evaluation)).contains("; 1 GPU\n", "GPU fleet: 1 GPU x 2.50 USD an hour");
    }

    private static String gpuAdjustment(String fixture) {
        Evaluation evaluation = ADVISOR.evaluate(ScenarioReader.read(Path.of(fixture)));
        return evaluation.iteration().cycles().get(0).adjustments().stream()
                .filter(adjustment -> adjustment.field().equals("gpuFleet.gpus"))
                .map(adjustment -> adjustment.before() + " -> " + adjustment.after() + " (" + adjustment.reason() + ")")
                .findFirst().orElse("no GPU adjustment");
    }

    @Test
    void thirdsPriceEveryToken() {
        BigDecimal third = new BigDecimal("0.333");
        Scenario thirds = saasAssistant().toBuilder()
                .workload(new Workload(DataSensitivity.MODERATE, BusinessDriver.COST, new BigDecimal("1200"),
                        BusinessImpact.PRODUCTIVITY, 30_000_000L, WorkloadPattern.PEAKS, new QueryMix(third, third, third)))
                .build();

        Evaluation evaluation = ADVISOR.evaluate(thirds);

        // 0.333 x 3 = 0.999, within the tolerance; each class gets a third of the 30,000,000 tokens, not 9,990,000.
        assertThat(evaluation.forecast().getClassCosts()).extracting(ClassCost::tokens)
                .containsExactly(10_000_000L, 10_000_000L, 10_000_000L);
    }

    @Test
    void simpleOnlyMixCountsSmallModel() {
        Scenario simpleOnly = saasAssistant().toBuilder()
                .workload(new Workload(DataSensitivity.MODERATE, BusinessDriver.COST, new BigDecimal("1200"),
                        BusinessImpact.PRODUCTIVITY, 40_000_000L, WorkloadPattern.PEAKS,
                        new QueryMix(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ONE)))
                .build();

        Evaluation evaluation = ADVISOR.evaluate(simpleOnly);

        assertThat(evaluation.nodes()).contains("SmallModel");
        assertThat(evaluation.savings().getSavings()).extracting(TechniqueSaving::node).doesNotContain("SmallModel", "Cache");
        assertThat(evaluation.savings().getAlreadyCounted()).extracting(CountedSaving::node).containsExactly("SmallModel", "Cache");
    }

    @Test
    void controlCharactersInNamesAreShownEscaped() {
        Scenario hostile = saasAssistant().toBuilder().name("Evil\u001b[2J co\u202e").build();

        String report = TextReport.render(ADVISOR.evaluate(hostile));

        assertThat(report).startsWith("Evil\\u001b[2J co\\u202e\n");
        assertThat(report).doesNotContain("\u001b", "\u202e");
    }

    @Test
    void lineBreaksInNamesAreShownEscaped() {
        Scenario forged = saasAssistant().toBuilder().name("Line one\n\nPhase 1: Forged").build();

        String report = TextReport.render(ADVISOR.evaluate(forged));

        assertThat(report).startsWith("Line one\\u000a\\u000aPhase 1: Forged\n");
    }

    @Test
    void singleModelClassNeedsNoRouting() {
        Scenario oneClass = saasAssistant().toBuilder()
                .workload(new Workload(DataSensitivity.MODERATE, BusinessDriver.COST, new BigDecimal("1200"),
                        BusinessImpact.PRODUCTIVITY, 40_000_000L, WorkloadPattern.PEAKS,
                        new QueryMix(BigDecimal.ZERO, BigDecimal.ONE, BigDecimal.ZERO)))
                .build();

        Evaluation evaluation = ADVISOR.evaluate(oneClass);

        assertThat(evaluation.ofDecision("MS1")).extracting(Recommendation::getNode).containsExactly("MediumModel");
        assertThat(evaluation.ofDecision("INF1")).extracting(Recommendation::getNode).containsExactly("RAG", "Cache", "TokenOpt");
    }

    @Test
    void evaluateRejectsNull() {
        assertThatThrownBy(() -> ADVISOR.evaluate(null)).isInstanceOf(NullPointerException.class).hasMessage("scenario");
    }

    @Test
    void factsRejectValuesOutOfRange() {
        assertThatThrownBy(() -> new Budget(new BigDecimal("-1"), null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("budget.monthlyUsd: -1 is out of range; expected a number from 0 to 10000000000");
        assertThatThrownBy(() -> new QueryMix(new BigDecimal("0.5"), new BigDecimal("0.5"), new BigDecimal("0.5")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("workload.queryMix: the shares sum to 1.5; expected complex + balanced + simple = 1");
    }
}
