package dev.aicostadvisor.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.aicostadvisor.Advisor;
import dev.aicostadvisor.Evaluation;
import dev.aicostadvisor.TestRules;
import dev.aicostadvisor.model.Recommendation;
import dev.aicostadvisor.pricing.PricingReader;
import dev.aicostadvisor.scenario.ScenarioReader;

/**
 * The forecast of a scenario small enough to check by hand; the arithmetic is written out in
 * src/test/resources/forecast/hand-check.yaml.
 */
class ForecastTest {

    static final Path FIXTURES = Path.of("src/test/resources/forecast");

    static Evaluation evaluation;

    @BeforeAll
    static void evaluate() {
        Advisor advisor = Advisor.builder()
                .rules(TestRules.shipped())
                .pricing(PricingReader.read(FIXTURES.resolve("hand-check-pricing.yaml"), null))
                .build();
        evaluation = advisor.evaluate(ScenarioReader.read(FIXTURES.resolve("hand-check.yaml")));
    }

    static BigDecimal usd(String amount) {
        return new BigDecimal(amount);
    }

    @Test
    void tokenSpendPerSizeClass() {
        List<ClassCost> classes = evaluation.forecast().getClassCosts();

        assertThat(classes).extracting(cost -> cost.price().id()).containsExactly("test-large", "test-medium", "test-small");
        assertThat(classes).extracting(ClassCost::tokens).containsExactly(200_000_000L, 500_000_000L, 300_000_000L);
        assertThat(classes).extracting(ClassCost::monthlyUsd).containsExactly(usd("520.00"), usd("260.00"), usd("39.00"));
        assertThat(evaluation.forecast().getTokenSpendUsd()).isEqualTo(usd("819.00"));
        assertThat(evaluation.forecast().getBlendedPerMillionUsd()).isEqualTo(usd("0.8190"));
    }

    @Test
    void gpuFleetAndIdleShare() {
        GpuCost gpu = evaluation.forecast().getGpu();

        assertThat(gpu.monthlyUsd()).isEqualTo(usd("7300.00"));
        assertThat(gpu.idleUsd()).isEqualTo(usd("4380.00"));
        assertThat(evaluation.forecast().getTotalMonthlyUsd()).isEqualTo(usd("8119.00"));
    }

    @Test
    void projectionGrowsTokenSpendOnly() {
        List<ProjectedWeek> weeks = evaluation.forecast().getProjection();

        assertThat(weeks).hasSize(13);
        assertThat(weeks.get(0)).isEqualTo(new ProjectedWeek(1, usd("8119.00"), usd("1873.62")));
        assertThat(weeks.get(3).monthlyRateUsd()).isEqualTo(usd("8715.23"));
        assertThat(weeks.get(4).monthlyRateUsd()).isEqualTo(usd("8998.28"));
        assertThat(weeks.get(8).monthlyRateUsd()).isEqualTo(usd("10821.55"));
        assertThat(weeks.get(9).monthlyRateUsd()).isEqualTo(usd("11525.86"));
        assertThat(weeks.get(12).monthlyRateUsd()).isEqualTo(usd("14602.29"));
    }

    @Test
    void alertAndBudgetWeeks() {
        assertThat(evaluation.forecast().firstWeekAtOrAbove(usd("8800"))).isEqualTo(5);
        assertThat(evaluation.forecast().firstWeekAtOrAbove(usd("11000"))).isEqualTo(10);
        assertThat(rationaleOf("Budget1")).isEqualTo("Alert at 80% of the 11,000 USD monthly budget, which is 8,800 USD. "
                + "At this month's forecast of 8,119 USD and 20% weekly growth, spend reaches the alert in week 5 "
                + "and the full budget in week 10.");
    }

    @Test
    void projectedOverrunAppliesOptimize1() {
        assertThat(rationaleOf("Optimize1")).isEqualTo("The forecast reaches 14,602.29 USD a month in week 13 of the projection, "
                + "above the monthly budget of 11,000 USD.");
    }

    @Test
    void varianceBeyondToleranceIsFlagged() {
        assertThat(evaluation.forecast().getVariance()).extracting(VarianceWeek::variancePercent)
                .containsExactly(usd("3.00"), usd("7.50"), usd("-5.00"), usd("5.00"));
        assertThat(rationaleOf("Budget2")).isEqualTo("Review the rolling 13-week projection each week. "
                + "1 of 4 past weeks missed their forecast by more than 5%: 2026-11-09 +7.50%.");
    }

    @Test
    void savingsRangesPerTechnique() {
        SavingsEstimate savings = evaluation.savings();

        assertThat(savings.getSavings()).extracting(TechniqueSaving::node)
                .containsExactly("SmallModel", "Routing", "TokenOpt", "LowUtil");
        assertThat(savings.getAlreadyCounted()).extracting(CountedSaving::node, CountedSaving::reason).containsExactly(
                tuple("Cache", "the forecast already prices the measured cache hit rate of 50% at cached-input rates."));
        TechniqueSaving small = savings.getSavings().get(0);
        assertThat(small.lowUsd()).isEqualTo(usd("327.60"));
        assertThat(small.highUsd()).isEqualTo(usd("573.30"));
        TechniqueSaving pooling = savings.getSavings().get(3);
        assertThat(pooling.lowUsd()).isEqualTo(usd("2920.00"));
        assertThat(pooling.highUsd()).isEqualTo(usd("5110.00"));
    }

    @Test
    void savingsCombineByMultiplying() {
        SavingsEstimate savings = evaluation.savings();

        assertThat(savings.getTokenSavingLow()).isEqualByComparingTo("0.712");
        assertThat(savings.getTokenSavingHigh()).isEqualByComparingTo("0.946");
        assertThat(savings.getMonthlyAfterBestUsd()).isEqualTo(usd("2234.23"));
        assertThat(savings.getMonthlyAfterWorstUsd()).isEqualTo(usd("4615.87"));
        assertThat(savings.getExtraCosts()).isEmpty();
    }

    @Test
    void capacityPlanPricesTheWorkloadPattern() {
        CapacityPlan plan = evaluation.savings().getCapacityPlan();

        assertThat(plan.mix().node()).isEqualTo("Constant");
        assertThat(plan.hourlyUsd()).isEqualByComparingTo("1.75");
        assertThat(plan.monthlyUsd()).isEqualTo(usd("5110.00"));
        assertThat(plan.currentUsd()).isEqualTo(usd("7300.00"));
    }

    @Test
    void breakEvenBeyondCapacityNeverPaysOff() {
        BreakEven breakEven = evaluation.forecast().getBreakEven();

        assertThat(breakEven.unit().id()).isEqualTo("test-unit");
        assertThat(breakEven.onDemandPerMillionUsd()).isEqualByComparingTo("3.20");
        assertThat(breakEven.minimumMonthlyUsd()).isEqualTo(usd("1000.00"));
        assertThat(breakEven.breakEvenTokens()).isEqualTo(312_500_000L);
        assertThat(breakEven.capacityTokens()).isEqualTo(273_750_000L);
        assertThat(breakEven.workloadTokens()).isEqualTo(200_000_000L);
        assertThat(breakEven.reachable()).isFalse();
        assertThat(breakEven.provisionedPaysOff()).isFalse();
    }

    @Test
    void iterateLoopAppliesSavingsOnce() {
        Iteration iteration = evaluation.iteration();

        assertThat(iteration.cycles()).hasSize(1);
        Cycle cycle = iteration.cycles().get(0);
        assertThat(cycle.adjustments()).extracting(Adjustment::field).containsExactly(
                "token price", "workload.tokensPerMonth", "gpuFleet.gpus", "gpuFleet.utilizationPercent");
        assertThat(cycle.adjustments().get(0).after()).isEqualTo("x 0.36");
        assertThat(cycle.adjustments().get(1).after()).isEqualTo("800,000,000");
        assertThat(cycle.adjustments().get(2).after()).isEqualTo("2");
        assertThat(cycle.adjustments().get(3).after()).isEqualTo("80%");
        assertThat(cycle.forecastMonthlyUsd()).isEqualTo(usd("3885.87"));
        assertThat(cycle.added()).containsExactly("MedUtil");
        assertThat(cycle.removed()).containsExactly("LowUtil", "Optimize1");
        // Cycle 1 moved the fleet from LowUtil to MedUtil; 2 GPUs at 80% cannot lose a whole GPU to MedUtil's 20%.
        assertThat(iteration.stopReason()).isEqualTo("Cycle 2 would change no figure: gpuFleet.gpus: MedUtil -20%: "
                + "no GPU can go, since the work needs 2 GPUs at 90% utilisation.");
    }

    private static String rationaleOf(String node) {
        return evaluation.recommendations().stream().filter(r -> r.getNode().equals(node))
                .map(Recommendation::getRationale).findFirst().orElseThrow();
    }
}
