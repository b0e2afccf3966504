package dev.aicostadvisor.sweep;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

import dev.aicostadvisor.model.Budget;
import dev.aicostadvisor.model.BusinessDriver;
import dev.aicostadvisor.model.BusinessImpact;
import dev.aicostadvisor.model.DataSensitivity;
import dev.aicostadvisor.model.ForecastInputs;
import dev.aicostadvisor.model.GpuFleet;
import dev.aicostadvisor.model.Metrics;
import dev.aicostadvisor.model.Org;
import dev.aicostadvisor.model.Scenario;
import dev.aicostadvisor.model.Workload;
import dev.aicostadvisor.model.WorkloadPattern;
import dev.aicostadvisor.scenario.MapReader;

/**
 * A scenario input that a sweep can vary, named as in scenario files ({@code budget.monthlyUsd}), with
 * the kind of its values and how to set it on a scenario.
 *
 * <p>The query mix is not among them, because its three shares must sum to 1 and so cannot vary one at a
 * time.
 */
public final class SweepField {

    /** The kind of values a field takes. */
    public enum Kind {
        /** A decimal number, bisected to {@link #resolution()}. */
        DECIMAL,
        /** A whole number. */
        WHOLE,
        /** One of the values of an enum. */
        CHOICE
    }

    private static final BigDecimal CENT = new BigDecimal("0.01");
    private static final BigDecimal THOUSANDTH = new BigDecimal("0.001");
    private static final Map<String, SweepField> FIELDS = new LinkedHashMap<>();

    static {
        decimal("org.aiMaturityMonths", CENT, (s, v) -> with(s, new Org(s.getOrg().getName(), v, s.getOrg().getAiEngineers())));
        whole("org.aiEngineers", (s, v) -> with(s, new Org(s.getOrg().getName(), s.getOrg().getAiMaturityMonths(), (int) (long) v)));
        decimal("budget.monthlyUsd", CENT, (s, v) -> with(s, new Budget(v, s.getBudget().getSpentThisMonthUsd())));
        decimal("budget.spentThisMonthUsd", CENT, (s, v) -> with(s, new Budget(s.getBudget().getMonthlyUsd(), v)));
        choice("workload.dataSensitivity", DataSensitivity.values(), (s, v) -> with(s, workload(s.getWorkload(), (DataSensitivity) v, null, null, null, null, null)));
        choice("workload.businessDriver", BusinessDriver.values(), (s, v) -> with(s, workload(s.getWorkload(), null, (BusinessDriver) v, null, null, null, null)));
        decimal("workload.latencyTargetMs", CENT, (s, v) -> with(s, workload(s.getWorkload(), null, null, v, null, null, null)));
        choice("workload.impact", BusinessImpact.values(), (s, v) -> with(s, workload(s.getWorkload(), null, null, null, (BusinessImpact) v, null, null)));
        whole("workload.tokensPerMonth", (s, v) -> with(s, workload(s.getWorkload(), null, null, null, null, v, null)));
        choice("workload.pattern", WorkloadPattern.values(), (s, v) -> with(s, workload(s.getWorkload(), null, null, null, null, null, (WorkloadPattern) v)));
        whole("gpuFleet.gpus", (s, v) -> with(s, new GpuFleet((int) (long) v, fleet(s).getUtilizationPercent(), fleet(s).getHourlyCostUsd(),
                fleet(s).getGpuType())));
        decimal("gpuFleet.utilizationPercent", CENT, (s, v) -> with(s, new GpuFleet(fleet(s).getGpus(), v, fleet(s).getHourlyCostUsd(),
                fleet(s).getGpuType())));
        decimal("gpuFleet.hourlyCostUsd", CENT, (s, v) -> with(s, new GpuFleet(fleet(s).getGpus(), fleet(s).getUtilizationPercent(), v,
                fleet(s).getGpuType())));
        decimal("metrics.costPerMillionTokensUsd", CENT, (s, v) -> with(s, metrics(s.getMetrics(), 0, v)));
        decimal("metrics.targetCostPerMillionTokensUsd", CENT, (s, v) -> with(s, metrics(s.getMetrics(), 1, v)));
        decimal("metrics.latencyP95Ms", CENT, (s, v) -> with(s, metrics(s.getMetrics(), 2, v)));
        decimal("metrics.roi", CENT, (s, v) -> with(s, metrics(s.getMetrics(), 3, v)));
        decimal("metrics.cacheHitRate", THOUSANDTH, (s, v) -> with(s, metrics(s.getMetrics(), 4, v)));
        decimal("forecast.inputTokenShare", THOUSANDTH, (s, v) -> with(s, forecast(s.getForecast(), v, null, null)));
        decimal("forecast.batchShare", THOUSANDTH, (s, v) -> with(s, forecast(s.getForecast(), null, v, null)));
        decimal("forecast.weeklyGrowthPercent", CENT, (s, v) -> with(s, forecast(s.getForecast(), null, null, v)));
    }

    private final String name;
    private final Kind kind;
    private final BigDecimal resolution;
    private final List<Object> choices;
    private final BiFunction<Scenario, Object, Scenario> setter;

    private SweepField(String name, Kind kind, BigDecimal resolution, List<Object> choices, BiFunction<Scenario, Object, Scenario> setter) {
        this.name = name;
        this.kind = kind;
        this.resolution = resolution;
        this.choices = choices;
        this.setter = setter;
    }

    /**
     * Finds a field by its name in scenario files.
     *
     * @throws InvalidSweepException naming the fields that can be varied
     */
    public static SweepField named(String name) {
        SweepField field = FIELDS.get(name);
        if (field == null) {
            List<String> names = List.copyOf(FIELDS.keySet());
            String nearest = MapReader.nearest(name, names);
            String hint = nearest == null ? "; inputs that can be varied: " : "; did you mean '" + nearest + "'? Inputs that can be varied: ";
            throw new InvalidSweepException("unknown input '" + name + "'" + hint + String.join(", ", names));
        }
        return field;
    }

    /** Returns the names of every field a sweep can vary. */
    public static List<String> names() {
        return List.copyOf(FIELDS.keySet());
    }

    public String name() {
        return name;
    }

    public Kind kind() {
        return kind;
    }

    /** Returns the step at which an edge between two decimal values is located: 0.01 for most, 0.001 for shares, 1 for whole numbers. */
    public BigDecimal resolution() {
        return resolution;
    }

    /** Returns the values of a choice field, in declaration order, or an empty list for numbers. */
    public List<Object> choices() {
        return choices;
    }

    /** Parses one choice, in any case. */
    Object parseChoice(String text) {
        for (Object choice : choices) {
            if (choice.toString().equalsIgnoreCase(text.trim())) {
                return choice;
            }
        }
        throw new InvalidSweepException("'" + text.trim() + "' is not a value of " + name + "; expected one of "
                + String.join(", ", choices.stream().map(Object::toString).toList()) + ", or * for all");
    }

    /**
     * Returns a copy of the scenario with this field set to a value: a {@link BigDecimal} for decimals, a
     * {@link Long} for whole numbers, an enum constant for choices.
     *
     * @throws IllegalArgumentException when the value is out of the field's range, naming the field
     * @throws InvalidSweepException when the scenario lacks the block the field belongs to
     */
    public Scenario apply(Scenario scenario, Object value) {
        if (name.startsWith("gpuFleet.") && scenario.getGpuFleet() == null) {
            throw new InvalidSweepException("the base scenario has no gpuFleet, so " + name + " cannot vary; add a gpuFleet block to it");
        }
        return setter.apply(scenario, value);
    }

    /** Formats a value as a scenario file would hold it: plain digits, or the enum name. */
    public static String format(Object value) {
        return value instanceof BigDecimal decimal ? decimal.stripTrailingZeros().toPlainString() : value.toString();
    }

    private static void decimal(String name, BigDecimal resolution, BiFunction<Scenario, BigDecimal, Scenario> setter) {
        FIELDS.put(name, new SweepField(name, Kind.DECIMAL, resolution, List.of(), (s, v) -> setter.apply(s, (BigDecimal) v)));
    }

    private static void whole(String name, BiFunction<Scenario, Long, Scenario> setter) {
        FIELDS.put(name, new SweepField(name, Kind.WHOLE, BigDecimal.ONE, List.of(), (s, v) -> setter.apply(s, (Long) v)));
    }

    private static void choice(String name, Object[] values, BiFunction<Scenario, Object, Scenario> setter) {
        FIELDS.put(name, new SweepField(name, Kind.CHOICE, null, List.copyOf(Arrays.asList(values)), setter));
    }

    private static Scenario with(Scenario scenario, Object fact) {
        Scenario.Builder builder = scenario.toBuilder();
        if (fact instanceof Org org) {
            builder.org(org);
        } else if (fact instanceof Budget budget) {
            builder.budget(budget);
        } else if (fact instanceof Workload workload) {
            builder.workload(workload);
        } else if (fact instanceof GpuFleet fleet) {
            builder.gpuFleet(fleet);
        } else if (fact instanceof Metrics metrics) {
            builder.metrics(metrics);
        } else if (fact instanceof ForecastInputs forecast) {
            builder.forecast(forecast);
        }
        return builder.build();
    }

    private static GpuFleet fleet(Scenario scenario) {
        return scenario.getGpuFleet();
    }

    /** Copies a workload with the given parts replaced; {@code null} keeps a part. */
    private static Workload workload(Workload old, DataSensitivity sensitivity, BusinessDriver driver, BigDecimal latency,
                                     BusinessImpact impact, Long tokens, WorkloadPattern pattern) {
        return new Workload(sensitivity != null ? sensitivity : old.getDataSensitivity(),
                driver != null ? driver : old.getBusinessDriver(),
                latency != null ? latency : old.getLatencyTargetMs(),
                impact != null ? impact : old.getImpact(),
                tokens != null ? tokens : old.getTokensPerMonth(),
                pattern != null ? pattern : old.getPattern(),
                old.isQueryMixGiven() ? old.getQueryMix() : null);
    }

    /** Copies metrics with the value at one position replaced, in constructor order. */
    /** Copies the forecast inputs with one of their figures replaced; {@code null} keeps a figure. */
    private static ForecastInputs forecast(ForecastInputs old, BigDecimal inputTokenShare, BigDecimal batchShare, BigDecimal weeklyGrowthPercent) {
        return new ForecastInputs(inputTokenShare != null ? inputTokenShare : old.getInputTokenShare(), old.getModels(),
                batchShare != null ? batchShare : old.getBatchShare(),
                weeklyGrowthPercent != null ? weeklyGrowthPercent : old.getWeeklyGrowthPercent(), old.getHistory());
    }

    private static Metrics metrics(Metrics old, int position, BigDecimal value) {
        List<BigDecimal> values = new ArrayList<>(Arrays.asList(old.getCostPerMillionTokensUsd(), old.getTargetCostPerMillionTokensUsd(),
                old.getLatencyP95Ms(), old.getRoi(), old.getCacheHitRate()));
        values.set(position, value);
        return new Metrics(values.get(0), values.get(1), values.get(2), values.get(3), values.get(4));
    }

    @Override
    public String toString() {
        return name;
    }
}
