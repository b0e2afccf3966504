package dev.aicostadvisor.model;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One organisation's situation, the input of an evaluation: profile, budget, workload, an optional GPU
 * fleet, measured metrics and, for fixtures, what the evaluation is expected to reach.
 */
public final class Scenario {

    private final String name;
    private final String description;
    private final Org org;
    private final Budget budget;
    private final Workload workload;
    private final GpuFleet gpuFleet;
    private final Metrics metrics;
    private final ForecastInputs forecast;
    private final Expectation expectation;
    private final String source;
    private final Map<String, Integer> lines;

    private Scenario(Builder builder) {
        this.name = requireName(builder.name);
        this.description = builder.description;
        this.org = Objects.requireNonNull(builder.org, "org is missing");
        this.budget = Objects.requireNonNull(builder.budget, "budget is missing");
        this.workload = Objects.requireNonNull(builder.workload, "workload is missing");
        this.gpuFleet = builder.gpuFleet;
        this.metrics = builder.metrics != null ? builder.metrics : Metrics.NONE;
        this.forecast = builder.forecast != null ? builder.forecast : ForecastInputs.NONE;
        this.expectation = builder.expectation;
        this.source = builder.source;
        this.lines = builder.lines;
    }

    public static Builder builder(String name) {
        return new Builder(name);
    }

    public String getName() {
        return name;
    }

    public String getDescription() {
        return description;
    }

    public Org getOrg() {
        return org;
    }

    public Budget getBudget() {
        return budget;
    }

    public Workload getWorkload() {
        return workload;
    }

    /** Returns the organisation's own GPU fleet, or {@code null} when it runs none. */
    public GpuFleet getGpuFleet() {
        return gpuFleet;
    }

    public Metrics getMetrics() {
        return metrics;
    }

    /** Returns the forecast's inputs; {@link ForecastInputs#NONE} when the scenario gives none. */
    public ForecastInputs getForecast() {
        return forecast;
    }

    /** Returns the file or stream the scenario was read from, for messages, or {@code null}. */
    public String getSource() {
        return source;
    }

    /** Returns what a fixture expects, or {@code null} when the scenario has no {@code expect} block. */
    /**
     * Returns the line of the source file on which a field such as {@code gpuFleet.gpuType} was given, or 0
     * when it is not known. The reader records it for the fields that are checked only at evaluation time.
     */
    public int lineOf(String field) {
        return lines.getOrDefault(field, 0);
    }

    public Expectation getExpectation() {
        return expectation;
    }

    /** Returns a builder that starts from this scenario's values. */
    public Builder toBuilder() {
        return new Builder(name).description(description).org(org).budget(budget).workload(workload)
                .gpuFleet(gpuFleet).metrics(metrics).forecast(forecast).expectation(expectation).source(source).lines(lines);
    }

    private static String requireName(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("name is missing; every scenario needs a name");
        }
        return name;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Scenario that
                && name.equals(that.name)
                && Objects.equals(description, that.description)
                && org.equals(that.org)
                && budget.equals(that.budget)
                && workload.equals(that.workload)
                && Objects.equals(gpuFleet, that.gpuFleet)
                && metrics.equals(that.metrics)
                && forecast.equals(that.forecast)
                && Objects.equals(expectation, that.expectation);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, org, budget, workload, gpuFleet, metrics);
    }

    @Override
    public String toString() {
        return "Scenario[" + name + "]";
    }

    /** Assembles a scenario; {@link #build()} checks that the required parts are there. */
    public static final class Builder {
        private String name;
        private String description;
        private Org org;
        private Budget budget;
        private Workload workload;
        private GpuFleet gpuFleet;
        private Metrics metrics;
        private ForecastInputs forecast;
        private Expectation expectation;
        private String source;
        // Immutable and replaced on each change, so that toBuilder, which sweeps call for every scenario,
        // shares the scenario's map instead of copying it.
        private Map<String, Integer> lines = Map.of();

        private Builder(String name) {
            this.name = name;
        }

        public Builder name(String value) {
            this.name = value;
            return this;
        }

        public Builder description(String value) {
            this.description = value;
            return this;
        }

        public Builder org(Org value) {
            this.org = value;
            return this;
        }

        public Builder budget(Budget value) {
            this.budget = value;
            return this;
        }

        public Builder workload(Workload value) {
            this.workload = value;
            return this;
        }

        public Builder gpuFleet(GpuFleet value) {
            this.gpuFleet = value;
            return this;
        }

        public Builder metrics(Metrics value) {
            this.metrics = value;
            return this;
        }

        public Builder forecast(ForecastInputs value) {
            this.forecast = value;
            return this;
        }

        public Builder expectation(Expectation value) {
            this.expectation = value;
            return this;
        }

        /** Sets the file or stream the scenario came from, which messages about it name. */
        public Builder source(String value) {
            this.source = value;
            return this;
        }

        /** Records the line of the source file on which a field was given, for errors found later. */
        public Builder line(String field, int line) {
            if (line > 0) {
                Map<String, Integer> next = new HashMap<>(lines);
                next.put(field, line);
                lines = Map.copyOf(next);
            }
            return this;
        }

        private Builder lines(Map<String, Integer> fieldLines) {
            lines = fieldLines;
            return this;
        }

        public Scenario build() {
            return new Scenario(this);
        }
    }
}
