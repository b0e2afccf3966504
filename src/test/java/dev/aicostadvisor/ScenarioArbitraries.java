package dev.aicostadvisor;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

import org.kie.api.definition.type.FactType;

import dev.aicostadvisor.model.Budget;
import dev.aicostadvisor.model.BusinessDriver;
import dev.aicostadvisor.model.BusinessImpact;
import dev.aicostadvisor.model.DataSensitivity;
import dev.aicostadvisor.model.GpuFleet;
import dev.aicostadvisor.model.Limits;
import dev.aicostadvisor.model.Metrics;
import dev.aicostadvisor.model.Org;
import dev.aicostadvisor.model.QueryMix;
import dev.aicostadvisor.model.Scenario;
import dev.aicostadvisor.model.Workload;
import dev.aicostadvisor.model.WorkloadPattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Builders;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Generators of valid scenarios that cover the whole schema. Every field ranges over all its allowed
 * values, with extra weight on the band edges. The optional GPU fleet and metrics are present or absent,
 * and query mixes range from a single model class to an even split.
 *
 * <p>The band edges are read from the defaults of the rules' declared types ({@code BudgetBands} and the
 * others), so the generators follow an analyst's edit of a threshold.
 */
final class ScenarioArbitraries {

    private static final BigDecimal CENT = new BigDecimal("0.01");

    private ScenarioArbitraries() {
    }

    /** Valid scenarios: half with a GPU fleet, two thirds with metrics. */
    static Arbitrary<Scenario> scenarios() {
        return Builders.withBuilder(() -> Scenario.builder("Generated scenario"))
                .use(orgs()).in(Scenario.Builder::org)
                .use(budgets()).in(Scenario.Builder::budget)
                .use(workloads()).in(Scenario.Builder::workload)
                .use(gpuFleets()).withProbability(0.5).in(Scenario.Builder::gpuFleet)
                .use(metrics()).withProbability(0.67).in(Scenario.Builder::metrics)
                .build(Scenario.Builder::build);
    }

    static Arbitrary<Org> orgs() {
        Arbitrary<BigDecimal> months = decimals(BigDecimal.ZERO, Limits.MAX_MATURITY_MONTHS, 2,
                band("phase1", "MaturityBands", "pocBelowMonths"), band("phase1", "MaturityBands", "scaleAboveMonths"));
        Arbitrary<Integer> engineers = wholeNumbers(0, Limits.MAX_ENGINEERS,
                band("phase1", "ExpertiseBands", "limitedBelowEngineers"), band("phase1", "ExpertiseBands", "advancedAboveEngineers"))
                .map(Long::intValue);
        Arbitrary<String> names = Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(20).injectNull(0.3);
        return Combinators.combine(names, months, engineers).as(Org::new);
    }

    static Arbitrary<Budget> budgets() {
        Arbitrary<BigDecimal> monthly = monthlyBudgets();
        Arbitrary<BigDecimal> spent = decimals(BigDecimal.ZERO, Limits.MAX_USD, 2,
                band("phase1", "BudgetBands", "smallBelowUsd"), band("phase1", "BudgetBands", "largeAboveUsd")).injectNull(0.4);
        return Combinators.combine(monthly, spent).as(Budget::new);
    }

    static Arbitrary<BigDecimal> monthlyBudgets() {
        return decimals(BigDecimal.ZERO, Limits.MAX_USD, 2,
                band("phase1", "BudgetBands", "smallBelowUsd"), band("phase1", "BudgetBands", "largeAboveUsd"));
    }

    static Arbitrary<Workload> workloads() {
        Arbitrary<BigDecimal> latency = decimals(new BigDecimal("0.01"), Limits.MAX_LATENCY_MS, 2,
                band("phase2", "LatencyBands", "realTimeBelowMs"), band("phase2", "LatencyBands", "batchAboveMs"));
        Arbitrary<Long> tokens = wholeNumbers(0, Limits.MAX_TOKENS_PER_MONTH,
                band("phase2", "TokenVolumeBands", "onDemandBelowTokens"), band("phase2", "TokenVolumeBands", "provisionedAboveTokens"));
        return Builders.withBuilder(WorkloadParts::new)
                .use(Arbitraries.of(DataSensitivity.class)).inSetter((parts, value) -> parts.sensitivity = value)
                .use(Arbitraries.of(BusinessDriver.class)).inSetter((parts, value) -> parts.driver = value)
                .use(latency).inSetter((parts, value) -> parts.latency = value)
                .use(Arbitraries.of(BusinessImpact.class)).inSetter((parts, value) -> parts.impact = value)
                .use(tokens).inSetter((parts, value) -> parts.tokens = value)
                .use(Arbitraries.of(WorkloadPattern.class)).inSetter((parts, value) -> parts.pattern = value)
                .use(queryMixes()).withProbability(0.7).inSetter((parts, value) -> parts.mix = value)
                .build(parts -> new Workload(parts.sensitivity, parts.driver, parts.latency, parts.impact, parts.tokens,
                        parts.pattern, parts.mix));
    }

    /** The parts of a workload, gathered before its constructor checks them together. */
    private static final class WorkloadParts {
        DataSensitivity sensitivity;
        BusinessDriver driver;
        BigDecimal latency;
        BusinessImpact impact;
        long tokens;
        WorkloadPattern pattern;
        QueryMix mix;
    }

    /**
     * Query mixes whose shares sum to exactly 1: the complex and balanced shares in steps of 0.05 or 0.001,
     * and the simple share whatever remains, so that mixes with one, two or three model classes all occur.
     */
    static Arbitrary<QueryMix> queryMixes() {
        Arbitrary<BigDecimal> coarse = Arbitraries.integers().between(0, 20).map(steps -> new BigDecimal(steps).multiply(new BigDecimal("0.05")));
        Arbitrary<BigDecimal> fine = Arbitraries.integers().between(0, 1000).map(thousandths -> new BigDecimal(thousandths).movePointLeft(3));
        Arbitrary<BigDecimal> share = Arbitraries.oneOf(coarse, fine);
        Arbitrary<QueryMix> split = Combinators.combine(share, share).as((complex, balanced) -> {
            BigDecimal rest = BigDecimal.ONE.subtract(complex);
            BigDecimal boundedBalanced = balanced.min(rest);
            return new QueryMix(complex, boundedBalanced, rest.subtract(boundedBalanced));
        });
        QueryMix thirds = new QueryMix(new BigDecimal("0.333"), new BigDecimal("0.333"), new BigDecimal("0.334"));
        return Arbitraries.frequencyOf(
                Tuple.of(8, split),
                Tuple.of(1, Arbitraries.just(thirds)),
                Tuple.of(1, Arbitraries.just(QueryMix.DEFAULT)));
    }

    static Arbitrary<GpuFleet> gpuFleets() {
        Arbitrary<Integer> gpus = wholeNumbers(1, Limits.MAX_GPUS, new BigDecimal("2"), new BigDecimal("1000")).map(Long::intValue);
        Arbitrary<BigDecimal> utilization = decimals(BigDecimal.ZERO, Limits.HUNDRED, 2,
                band("phase3", "UtilizationBands", "lowBelowPercent"), band("phase3", "UtilizationBands", "highAbovePercent"),
                band("success", "SuccessTargets", "gpuUtilizationTargetPercent"));
        Arbitrary<BigDecimal> hourly = decimals(BigDecimal.ZERO, Limits.MAX_HOURLY_GPU_USD, 2, new BigDecimal("4.10"));
        return Combinators.combine(gpus, utilization, hourly).as(GpuFleet::new);
    }

    /** Metrics with each field measured or not, and costs and targets often equal, on either side of the other. */
    static Arbitrary<Metrics> metrics() {
        Arbitrary<BigDecimal> cost = decimals(BigDecimal.ZERO, Limits.MAX_COST_PER_MILLION_TOKENS_USD, 2,
                new BigDecimal("1.5"), new BigDecimal("2"));
        Arbitrary<BigDecimal> latency = decimals(BigDecimal.ZERO, Limits.MAX_LATENCY_MS, 2, new BigDecimal("500"), new BigDecimal("2000"));
        Arbitrary<BigDecimal> roi = decimals(BigDecimal.ZERO, Limits.MAX_ROI, 2, band("success", "SuccessTargets", "minimumRoi"));
        Arbitrary<BigDecimal> cacheHitRate = decimals(BigDecimal.ZERO, BigDecimal.ONE, 3, new BigDecimal("0.5"));
        return Combinators.combine(cost.injectNull(0.2), cost.injectNull(0.2), latency.injectNull(0.2), roi.injectNull(0.2),
                cacheHitRate.injectNull(0.2)).as(Metrics::new);
    }

    /**
     * Decimals in [min, max] with the given scale: a third of them anywhere in the range, with every order
     * of magnitude about as likely, and the rest at an edge, one cent below it or one cent above it.
     */
    static Arbitrary<BigDecimal> decimals(BigDecimal min, BigDecimal max, int scale, BigDecimal... edges) {
        List<BigDecimal> nearEdges = new ArrayList<>();
        for (BigDecimal edge : edges) {
            for (BigDecimal candidate : List.of(edge.subtract(CENT), edge, edge.add(CENT))) {
                if (candidate.compareTo(min) >= 0 && candidate.compareTo(max) <= 0) {
                    nearEdges.add(candidate.setScale(Math.max(scale, candidate.scale()), RoundingMode.UNNECESSARY));
                }
            }
        }
        nearEdges.add(min);
        nearEdges.add(max);
        int digits = max.precision() - max.scale();
        Arbitrary<BigDecimal> anywhere = Arbitraries.integers().between(0, digits)
                .flatMap(magnitude -> Arbitraries.bigDecimals().between(min, max.min(BigDecimal.TEN.pow(magnitude))).ofScale(scale));
        return Arbitraries.frequencyOf(
                Tuple.of(1, anywhere),
                Tuple.of(2, Arbitraries.of(nearEdges)));
    }

    /**
     * Whole numbers in [min, max]: a third anywhere, with every order of magnitude about as likely, and the
     * rest at an edge or one away from it.
     */
    static Arbitrary<Long> wholeNumbers(long min, long max, BigDecimal... edges) {
        List<Long> nearEdges = new ArrayList<>();
        for (BigDecimal edge : edges) {
            long value = edge.longValueExact();
            for (long candidate : new long[] {value - 1, value, value + 1}) {
                if (candidate >= min && candidate <= max) {
                    nearEdges.add(candidate);
                }
            }
        }
        nearEdges.add(min);
        nearEdges.add(max);
        int digits = Long.toString(max).length();
        Arbitrary<Long> anywhere = Arbitraries.integers().between(0, digits)
                .flatMap(magnitude -> Arbitraries.longs().between(min, magnitude >= 18 ? max : Math.min(max, pow10(magnitude))));
        return Arbitraries.frequencyOf(
                Tuple.of(1, anywhere),
                Tuple.of(2, Arbitraries.of(nearEdges)));
    }

    private static long pow10(int exponent) {
        long value = 1;
        for (int i = 0; i < exponent; i++) {
            value *= 10;
        }
        return value;
    }

    /** Reads a threshold from the default value of a declared type in the shipped rules. */
    static BigDecimal band(String packageName, String typeName, String field) {
        FactType type = TestRules.shipped().kieBase().getFactType(packageName, typeName);
        if (type == null) {
            throw new IllegalStateException("the rules declare no type " + packageName + "." + typeName);
        }
        try {
            Object value = type.get(type.newInstance(), field);
            if (value == null) {
                throw new IllegalStateException(packageName + "." + typeName + "." + field + " has no default value");
            }
            return new BigDecimal(value.toString());
        } catch (InstantiationException | IllegalAccessException e) {
            throw new IllegalStateException("cannot create " + packageName + "." + typeName + ": " + e.getMessage(), e);
        }
    }
}
