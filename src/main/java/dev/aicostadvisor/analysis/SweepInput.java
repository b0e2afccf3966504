package dev.aicostadvisor.analysis;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import dev.aicostadvisor.model.Budget;
import dev.aicostadvisor.model.BusinessDriver;
import dev.aicostadvisor.model.BusinessImpact;
import dev.aicostadvisor.model.DataSensitivity;
import dev.aicostadvisor.model.GpuFleet;
import dev.aicostadvisor.model.Limits;
import dev.aicostadvisor.model.Org;
import dev.aicostadvisor.model.QueryMix;
import dev.aicostadvisor.model.Scenario;
import dev.aicostadvisor.model.Workload;
import dev.aicostadvisor.model.WorkloadPattern;

/**
 * A scenario input that a decision reads, with its allowed range, so that {@link DecisionSweep} can set it
 * to each value it checks. The path is the field's name in a scenario file, as {@code Decision.input()}
 * gives it.
 */
enum SweepInput {

    AI_MATURITY_MONTHS("org.aiMaturityMonths", Kind.DECIMAL, BigDecimal.ZERO, Limits.MAX_MATURITY_MONTHS) {
        @Override
        Scenario apply(Scenario base, Object value) {
            Org org = base.getOrg();
            return base.toBuilder().org(new Org(org.getName(), (BigDecimal) value, org.getAiEngineers())).build();
        }
    },
    MONTHLY_BUDGET_USD("budget.monthlyUsd", Kind.DECIMAL, BigDecimal.ZERO, Limits.MAX_USD) {
        @Override
        Scenario apply(Scenario base, Object value) {
            return base.toBuilder().budget(new Budget((BigDecimal) value, base.getBudget().getSpentThisMonthUsd())).build();
        }
    },
    AI_ENGINEERS("org.aiEngineers", Kind.WHOLE, BigDecimal.ZERO, BigDecimal.valueOf(Limits.MAX_ENGINEERS)) {
        @Override
        Scenario apply(Scenario base, Object value) {
            Org org = base.getOrg();
            return base.toBuilder().org(new Org(org.getName(), org.getAiMaturityMonths(), ((BigDecimal) value).intValueExact())).build();
        }
    },
    LATENCY_TARGET_MS("workload.latencyTargetMs", Kind.DECIMAL, BigDecimal.ZERO, Limits.MAX_LATENCY_MS) {
        @Override
        boolean minimumAllowed() {
            return false;
        }

        @Override
        Scenario apply(Scenario base, Object value) {
            Workload w = base.getWorkload();
            return base.toBuilder().workload(new Workload(w.getDataSensitivity(), w.getBusinessDriver(), (BigDecimal) value,
                    w.getImpact(), w.getTokensPerMonth(), w.getPattern(), queryMixOf(w))).build();
        }
    },
    TOKENS_PER_MONTH("workload.tokensPerMonth", Kind.WHOLE, BigDecimal.ZERO, BigDecimal.valueOf(Limits.MAX_TOKENS_PER_MONTH)) {
        @Override
        Scenario apply(Scenario base, Object value) {
            Workload w = base.getWorkload();
            return base.toBuilder().workload(new Workload(w.getDataSensitivity(), w.getBusinessDriver(), w.getLatencyTargetMs(),
                    w.getImpact(), ((BigDecimal) value).longValueExact(), w.getPattern(), queryMixOf(w))).build();
        }
    },
    GPU_UTILIZATION_PERCENT("gpuFleet.utilizationPercent", Kind.DECIMAL, BigDecimal.ZERO, Limits.HUNDRED) {
        @Override
        Scenario apply(Scenario base, Object value) {
            GpuFleet fleet = base.getGpuFleet();
            return base.toBuilder().gpuFleet(new GpuFleet(fleet.getGpus(), (BigDecimal) value, fleet.getHourlyCostUsd())).build();
        }
    },
    DATA_SENSITIVITY("workload.dataSensitivity", DataSensitivity.values()) {
        @Override
        Scenario apply(Scenario base, Object value) {
            Workload w = base.getWorkload();
            return base.toBuilder().workload(new Workload((DataSensitivity) value, w.getBusinessDriver(), w.getLatencyTargetMs(),
                    w.getImpact(), w.getTokensPerMonth(), w.getPattern(), queryMixOf(w))).build();
        }
    },
    BUSINESS_DRIVER("workload.businessDriver", BusinessDriver.values()) {
        @Override
        Scenario apply(Scenario base, Object value) {
            Workload w = base.getWorkload();
            return base.toBuilder().workload(new Workload(w.getDataSensitivity(), (BusinessDriver) value, w.getLatencyTargetMs(),
                    w.getImpact(), w.getTokensPerMonth(), w.getPattern(), queryMixOf(w))).build();
        }
    },
    BUSINESS_IMPACT("workload.impact", BusinessImpact.values()) {
        @Override
        Scenario apply(Scenario base, Object value) {
            Workload w = base.getWorkload();
            return base.toBuilder().workload(new Workload(w.getDataSensitivity(), w.getBusinessDriver(), w.getLatencyTargetMs(),
                    (BusinessImpact) value, w.getTokensPerMonth(), w.getPattern(), queryMixOf(w))).build();
        }
    },
    WORKLOAD_PATTERN("workload.pattern", WorkloadPattern.values()) {
        @Override
        Scenario apply(Scenario base, Object value) {
            Workload w = base.getWorkload();
            return base.toBuilder().workload(new Workload(w.getDataSensitivity(), w.getBusinessDriver(), w.getLatencyTargetMs(),
                    w.getImpact(), w.getTokensPerMonth(), (WorkloadPattern) value, queryMixOf(w))).build();
        }
    };

    /** What kind of value the input takes. */
    enum Kind {
        /** A decimal number with at most {@link Limits#MAX_SCALE} digits after the point. */
        DECIMAL,
        /** A whole number. */
        WHOLE,
        /** One constant of an enum. */
        CHOICE
    }

    private final String path;
    private final Kind kind;
    private final BigDecimal minimum;
    private final BigDecimal maximum;
    private final List<Object> choices;

    SweepInput(String path, Kind kind, BigDecimal minimum, BigDecimal maximum) {
        this.path = path;
        this.kind = kind;
        this.minimum = minimum;
        this.maximum = maximum;
        this.choices = List.of();
    }

    SweepInput(String path, Enum<?>[] choices) {
        this.path = path;
        this.kind = Kind.CHOICE;
        this.minimum = null;
        this.maximum = null;
        this.choices = List.of((Object[]) choices);
    }

    /** Finds the input that a decision reads, by its path in a scenario file. */
    static Optional<SweepInput> of(String path) {
        return Arrays.stream(values()).filter(input -> input.path.equals(path)).findFirst();
    }

    /** Returns a copy of the scenario with this input set to the value. */
    abstract Scenario apply(Scenario base, Object value);

    String path() {
        return path;
    }

    Kind kind() {
        return kind;
    }

    BigDecimal minimum() {
        return minimum;
    }

    BigDecimal maximum() {
        return maximum;
    }

    /** Tells whether the minimum itself is allowed; a latency target must be above zero. */
    boolean minimumAllowed() {
        return true;
    }

    /** Returns the constants of a choice input, in declaration order. */
    List<Object> choices() {
        return choices;
    }

    /** Tells whether a number is a value that a scenario may give for this input. */
    boolean allows(BigDecimal value) {
        int low = value.compareTo(minimum);
        if (low < 0 || (low == 0 && !minimumAllowed()) || value.compareTo(maximum) > 0) {
            return false;
        }
        if (kind == Kind.WHOLE) {
            return value.stripTrailingZeros().scale() <= 0;
        }
        return value.stripTrailingZeros().scale() <= Limits.MAX_SCALE;
    }

    /** Keeps a scenario's own query mix, or the default one without marking it as given. */
    private static QueryMix queryMixOf(Workload workload) {
        return workload.isQueryMixGiven() ? workload.getQueryMix() : null;
    }
}
