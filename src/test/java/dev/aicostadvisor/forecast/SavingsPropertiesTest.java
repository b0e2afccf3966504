package dev.aicostadvisor.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import dev.aicostadvisor.model.Budget;
import dev.aicostadvisor.model.BusinessDriver;
import dev.aicostadvisor.model.BusinessImpact;
import dev.aicostadvisor.model.DataSensitivity;
import dev.aicostadvisor.model.Flowchart;
import dev.aicostadvisor.model.FlowchartNode;
import dev.aicostadvisor.model.GpuFleet;
import dev.aicostadvisor.model.Org;
import dev.aicostadvisor.model.QueryMix;
import dev.aicostadvisor.model.Scenario;
import dev.aicostadvisor.model.Workload;
import dev.aicostadvisor.model.WorkloadPattern;
import dev.aicostadvisor.pricing.PricingCatalogue;
import dev.aicostadvisor.pricing.PricingReader;
import dev.aicostadvisor.pricing.SavingsTable;
import dev.aicostadvisor.pricing.SavingsTable.CostBase;
import dev.aicostadvisor.pricing.SavingsTable.Range;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** No combination of techniques saves 100% or more, and no forecast or estimate is ever negative. */
class SavingsPropertiesTest {

    private static final PricingCatalogue CATALOGUE = PricingReader.read(Path.of("rules/pricing.yaml"), null);
    private static final SavingsTable SHIPPED_SAVINGS = SavingsTable.parse(readShippedSavings(), "rules/savings.yaml");
    private static final List<String> NODES = Flowchart.nodes().stream().map(FlowchartNode::id).toList();

    @Property
    void shippedRangesNeverReachHundredPercent(@ForAll("reachedNodes") Set<String> reached, @ForAll("scenarios") Scenario scenario) {
        Forecast forecast = new Forecaster(CATALOGUE).forecast(scenario);
        SavingsEstimate estimate = new SavingsEstimator(SHIPPED_SAVINGS, CATALOGUE).estimate(scenario, forecast, reached);

        assertCombinedBelowOne(estimate);
        assertThat(estimate.getMonthlyAfterBestUsd()).isNotNegative();
        assertThat(estimate.getMonthlyAfterBestUsd()).isLessThanOrEqualTo(estimate.getMonthlyAfterWorstUsd());
    }

    @Property
    void anyValidRangesNeverReachHundredPercent(@ForAll("ranges") List<Range> ranges, @ForAll("scenarios") Scenario scenario) {
        SavingsTable table = new SavingsTable("generated", ranges, List.of(), List.of());
        Forecast forecast = new Forecaster(CATALOGUE).forecast(scenario);
        Set<String> reached = Set.copyOf(ranges.stream().map(Range::node).toList());

        SavingsEstimate estimate = new SavingsEstimator(table, CATALOGUE).estimate(scenario, forecast, reached);

        assertCombinedBelowOne(estimate);
        assertThat(estimate.getMonthlyAfterBestUsd()).isNotNegative();
        for (TechniqueSaving saving : estimate.getSavings()) {
            assertThat(saving.lowUsd()).isNotNegative();
            assertThat(saving.highUsd()).isGreaterThanOrEqualTo(saving.lowUsd());
        }
    }

    @Property
    void forecastIsNeverNegative(@ForAll("scenarios") Scenario scenario) {
        Forecast forecast = new Forecaster(CATALOGUE).forecast(scenario);

        assertThat(forecast.getTotalMonthlyUsd()).isNotNegative();
        assertThat(forecast.getClassCosts()).allSatisfy(cost -> assertThat(cost.monthlyUsd()).isNotNegative());
        assertThat(forecast.getProjection()).allSatisfy(week -> assertThat(week.spendUsd()).isNotNegative());
        assertThat(forecast.getTotalMonthlyUsd()).isEqualTo(forecast.getTokenSpendUsd().add(forecast.getGpuMonthlyUsd()));
    }

    private static void assertCombinedBelowOne(SavingsEstimate estimate) {
        assertThat(estimate.getTokenSavingHigh()).isLessThan(BigDecimal.ONE).isGreaterThanOrEqualTo(estimate.getTokenSavingLow());
        assertThat(estimate.getGpuSavingHigh()).isLessThan(BigDecimal.ONE).isGreaterThanOrEqualTo(estimate.getGpuSavingLow());
        assertThat(estimate.getTokenSavingLow()).isNotNegative();
    }

    @Provide
    Arbitrary<Set<String>> reachedNodes() {
        return Arbitraries.of(NODES).set().ofMaxSize(NODES.size());
    }

    @Provide
    Arbitrary<List<Range>> ranges() {
        Arbitrary<Range> range = Combinators.combine(
                Arbitraries.of(NODES),
                Arbitraries.of(CostBase.values()),
                Arbitraries.integers().between(0, 99),
                Arbitraries.integers().between(0, 99)
        ).as((node, base, a, b) -> new Range(node, base, percent(Math.min(a, b)), percent(Math.max(a, b)), "generated"));
        return range.list().ofMaxSize(30).map(list -> {
            List<Range> unique = new ArrayList<>();
            for (Range candidate : list) {
                if (unique.stream().noneMatch(existing -> existing.node().equals(candidate.node()))) {
                    unique.add(candidate);
                }
            }
            return unique;
        });
    }

    @Provide
    Arbitrary<Scenario> scenarios() {
        Arbitrary<Long> tokens = Arbitraries.longs().between(0, 50_000_000_000L);
        Arbitrary<Integer> gpus = Arbitraries.integers().between(0, 500);
        Arbitrary<Integer> utilization = Arbitraries.integers().between(0, 100);
        Arbitrary<Integer> complex = Arbitraries.integers().between(0, 100);
        Arbitrary<Integer> balanced = Arbitraries.integers().between(0, 100);
        return Combinators.combine(tokens, gpus, utilization, complex, balanced).as((tokenCount, gpuCount, used, c, b) -> {
            int complexShare = Math.min(c, 100);
            int balancedShare = Math.min(b, 100 - complexShare);
            QueryMix mix = new QueryMix(percent(complexShare), percent(balancedShare), percent(100 - complexShare - balancedShare));
            Scenario.Builder builder = Scenario.builder("generated")
                    .org(new Org(null, BigDecimal.TEN, 3))
                    .budget(new Budget(new BigDecimal("10000"), null))
                    .workload(new Workload(DataSensitivity.LOW, BusinessDriver.COST, new BigDecimal("1000"), BusinessImpact.PRODUCTIVITY,
                            tokenCount, WorkloadPattern.CONSTANT, mix));
            if (gpuCount >= 1) {
                builder.gpuFleet(new GpuFleet(gpuCount, BigDecimal.valueOf(used), new BigDecimal("2.50"), "a100-80gb"));
            }
            return builder.build();
        });
    }

    private static BigDecimal percent(int value) {
        return BigDecimal.valueOf(value).divide(BigDecimal.valueOf(100), 2, RoundingMode.UNNECESSARY);
    }

    private static String readShippedSavings() {
        try {
            return java.nio.file.Files.readString(Path.of("rules/savings.yaml"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
