package dev.aicostadvisor.model;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * What has been measured so far (the success check). Every field is optional: {@code null} means not
 * measured, and a metric that is not measured triggers no outcome.
 */
public final class Metrics {

    /** Metrics with nothing measured. */
    public static final Metrics NONE = new Metrics(null, null, null, null, null);

    private final BigDecimal costPerMillionTokensUsd;
    private final BigDecimal targetCostPerMillionTokensUsd;
    private final BigDecimal latencyP95Ms;
    private final BigDecimal roi;
    private final BigDecimal cacheHitRate;

    /**
     * @param costPerMillionTokensUsd       measured cost per million tokens in USD
     * @param targetCostPerMillionTokensUsd the target cost per million tokens in USD
     * @param latencyP95Ms                  measured 95th-percentile latency in milliseconds
     * @param roi                           business value per 1 USD spent
     * @param cacheHitRate                  share of input tokens served from the prompt cache, from 0 to 1
     */
    public Metrics(BigDecimal costPerMillionTokensUsd, BigDecimal targetCostPerMillionTokensUsd, BigDecimal latencyP95Ms,
                   BigDecimal roi, BigDecimal cacheHitRate) {
        this.costPerMillionTokensUsd = Limits.optionalRange("metrics.costPerMillionTokensUsd", costPerMillionTokensUsd,
                BigDecimal.ZERO, Limits.MAX_COST_PER_MILLION_TOKENS_USD);
        this.targetCostPerMillionTokensUsd = Limits.optionalRange("metrics.targetCostPerMillionTokensUsd", targetCostPerMillionTokensUsd,
                BigDecimal.ZERO, Limits.MAX_COST_PER_MILLION_TOKENS_USD);
        this.latencyP95Ms = Limits.optionalRange("metrics.latencyP95Ms", latencyP95Ms, BigDecimal.ZERO, Limits.MAX_LATENCY_MS);
        this.roi = Limits.optionalRange("metrics.roi", roi, BigDecimal.ZERO, Limits.MAX_ROI);
        this.cacheHitRate = Limits.optionalRange("metrics.cacheHitRate", cacheHitRate, BigDecimal.ZERO, BigDecimal.ONE);
    }

    public BigDecimal getCostPerMillionTokensUsd() {
        return costPerMillionTokensUsd;
    }

    public BigDecimal getTargetCostPerMillionTokensUsd() {
        return targetCostPerMillionTokensUsd;
    }

    public BigDecimal getLatencyP95Ms() {
        return latencyP95Ms;
    }

    public BigDecimal getRoi() {
        return roi;
    }

    public BigDecimal getCacheHitRate() {
        return cacheHitRate;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Metrics that
                && Decimals.sameValue(costPerMillionTokensUsd, that.costPerMillionTokensUsd)
                && Decimals.sameValue(targetCostPerMillionTokensUsd, that.targetCostPerMillionTokensUsd)
                && Decimals.sameValue(latencyP95Ms, that.latencyP95Ms)
                && Decimals.sameValue(roi, that.roi)
                && Decimals.sameValue(cacheHitRate, that.cacheHitRate);
    }

    @Override
    public int hashCode() {
        return Objects.hash(Decimals.hashOf(costPerMillionTokensUsd), Decimals.hashOf(targetCostPerMillionTokensUsd),
                Decimals.hashOf(latencyP95Ms), Decimals.hashOf(roi), Decimals.hashOf(cacheHitRate));
    }

    @Override
    public String toString() {
        return "Metrics[costPerMillionTokensUsd=" + Decimals.plain(costPerMillionTokensUsd)
                + ", targetCostPerMillionTokensUsd=" + Decimals.plain(targetCostPerMillionTokensUsd)
                + ", latencyP95Ms=" + Decimals.plain(latencyP95Ms) + ", roi=" + Decimals.plain(roi)
                + ", cacheHitRate=" + Decimals.plain(cacheHitRate) + "]";
    }
}
