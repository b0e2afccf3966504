package dev.aicostadvisor.model;

import java.math.BigDecimal;
import java.util.Objects;

/** What the AI workload needs: data sensitivity, business driver and impact, latency, volume and load pattern. */
public final class Workload {

    private final DataSensitivity dataSensitivity;
    private final BusinessDriver businessDriver;
    private final BigDecimal latencyTargetMs;
    private final BusinessImpact impact;
    private final long tokensPerMonth;
    private final WorkloadPattern pattern;
    private final QueryMix queryMix;
    private final boolean queryMixGiven;

    /**
     * @param latencyTargetMs the latency target in milliseconds, above 0
     * @param tokensPerMonth  the expected token volume per month, from 0
     * @param queryMix        the query mix, or {@code null} for {@link QueryMix#DEFAULT}
     */
    public Workload(DataSensitivity dataSensitivity, BusinessDriver businessDriver, BigDecimal latencyTargetMs,
                    BusinessImpact impact, long tokensPerMonth, WorkloadPattern pattern, QueryMix queryMix) {
        this.dataSensitivity = Objects.requireNonNull(dataSensitivity, "workload.dataSensitivity is missing");
        this.businessDriver = Objects.requireNonNull(businessDriver, "workload.businessDriver is missing");
        this.latencyTargetMs = Limits.requirePositive("workload.latencyTargetMs", latencyTargetMs, Limits.MAX_LATENCY_MS);
        this.impact = Objects.requireNonNull(impact, "workload.impact is missing");
        this.tokensPerMonth = Limits.requireRange("workload.tokensPerMonth", tokensPerMonth, 0, Limits.MAX_TOKENS_PER_MONTH);
        this.pattern = Objects.requireNonNull(pattern, "workload.pattern is missing");
        this.queryMixGiven = queryMix != null;
        this.queryMix = queryMix != null ? queryMix : QueryMix.DEFAULT;
    }

    public DataSensitivity getDataSensitivity() {
        return dataSensitivity;
    }

    public BusinessDriver getBusinessDriver() {
        return businessDriver;
    }

    public BigDecimal getLatencyTargetMs() {
        return latencyTargetMs;
    }

    public BusinessImpact getImpact() {
        return impact;
    }

    public long getTokensPerMonth() {
        return tokensPerMonth;
    }

    public WorkloadPattern getPattern() {
        return pattern;
    }

    /** Returns the query mix, which is the default mix when the scenario gives none. */
    public QueryMix getQueryMix() {
        return queryMix;
    }

    /** Tells whether the scenario gave the query mix, as opposed to the default being used. */
    public boolean isQueryMixGiven() {
        return queryMixGiven;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Workload that
                && dataSensitivity == that.dataSensitivity
                && businessDriver == that.businessDriver
                && latencyTargetMs.compareTo(that.latencyTargetMs) == 0
                && impact == that.impact
                && tokensPerMonth == that.tokensPerMonth
                && pattern == that.pattern
                && queryMix.equals(that.queryMix)
                && queryMixGiven == that.queryMixGiven;
    }

    @Override
    public int hashCode() {
        return Objects.hash(dataSensitivity, businessDriver, latencyTargetMs.stripTrailingZeros(), impact, tokensPerMonth, pattern, queryMix);
    }

    @Override
    public String toString() {
        return "Workload[dataSensitivity=" + dataSensitivity + ", businessDriver=" + businessDriver
                + ", latencyTargetMs=" + latencyTargetMs.toPlainString() + ", impact=" + impact
                + ", tokensPerMonth=" + tokensPerMonth + ", pattern=" + pattern + ", queryMix=" + queryMix + "]";
    }
}
