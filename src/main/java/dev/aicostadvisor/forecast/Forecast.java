package dev.aicostadvisor.forecast;

import java.math.BigDecimal;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

import dev.aicostadvisor.pricing.ModelPrice;

/**
 * The cost forecast of one scenario. It is computed before the rules fire and inserted as a fact, so that
 * rules can read it. It holds the monthly token spend at the model mix, the GPU fleet's cost, a rolling
 * 13-week projection, the variance of past forecasts, and the break-even point of provisioned throughput.
 * Money is in USD, rounded to the cent. Immutable.
 */
public final class Forecast {

    private final long tokensPerMonth;
    private final BigDecimal inputTokenShare;
    private final BigDecimal cacheHitRate;
    private final BigDecimal batchShare;
    private final List<ClassCost> classCosts;
    private final BigDecimal unroundedTokenSpendUsd;
    private final BigDecimal tokenSpendUsd;
    private final GpuCost gpu;
    private final BigDecimal totalMonthlyUsd;
    private final BigDecimal weeklyGrowthPercent;
    private final List<ProjectedWeek> projection;
    private final List<VarianceWeek> variance;
    private final BreakEven breakEven;
    private final Supplier<List<String>> assumptionWriter;
    private volatile List<String> assumptions;

    Forecast(long tokensPerMonth, BigDecimal inputTokenShare, BigDecimal cacheHitRate, BigDecimal batchShare,
             List<ClassCost> classCosts, BigDecimal unroundedTokenSpendUsd, BigDecimal tokenSpendUsd, GpuCost gpu,
             BigDecimal totalMonthlyUsd,
             BigDecimal weeklyGrowthPercent, List<ProjectedWeek> projection, List<VarianceWeek> variance,
             BreakEven breakEven, Supplier<List<String>> assumptionWriter) {
        this.tokensPerMonth = tokensPerMonth;
        this.inputTokenShare = inputTokenShare;
        this.cacheHitRate = cacheHitRate;
        this.batchShare = batchShare;
        this.classCosts = List.copyOf(classCosts);
        this.unroundedTokenSpendUsd = unroundedTokenSpendUsd;
        this.tokenSpendUsd = tokenSpendUsd;
        this.gpu = gpu;
        this.totalMonthlyUsd = totalMonthlyUsd;
        this.weeklyGrowthPercent = weeklyGrowthPercent;
        this.projection = List.copyOf(projection);
        this.variance = List.copyOf(variance);
        this.breakEven = breakEven;
        this.assumptionWriter = assumptionWriter;
    }

    public long getTokensPerMonth() {
        return tokensPerMonth;
    }

    public BigDecimal getInputTokenShare() {
        return inputTokenShare;
    }

    public BigDecimal getCacheHitRate() {
        return cacheHitRate;
    }

    public BigDecimal getBatchShare() {
        return batchShare;
    }

    /** Returns the token spend of each size class with a share above zero. */
    public List<ClassCost> getClassCosts() {
        return classCosts;
    }

    /**
     * Returns the monthly spend on tokens: the sum of the size classes' unrounded costs, rounded once to the cent.
     * It can differ by a cent or two from the sum of {@link ClassCost#monthlyUsd()}, which are rounded one by one.
     */
    public BigDecimal getTokenSpendUsd() {
        return tokenSpendUsd;
    }

    /** Returns the monthly spend on tokens before rounding, which savings scale before they round. */
    BigDecimal unroundedTokenSpendUsd() {
        return unroundedTokenSpendUsd;
    }

    /** Returns the average price per million tokens across the mix, or {@code null} without tokens. */
    public BigDecimal getBlendedPerMillionUsd() {
        if (tokensPerMonth == 0) {
            return null;
        }
        return tokenSpendUsd.multiply(Money.MILLION).divide(BigDecimal.valueOf(tokensPerMonth), 4, java.math.RoundingMode.HALF_UP);
    }

    /**
     * Tells whether some input tokens are priced at a cached-input rate: the cache hit rate is above 0, some
     * traffic runs outside batch, where the cache applies, and a model with tokens has a cached-input price.
     */
    public boolean pricesCachedInput() {
        return cacheHitRate.signum() > 0 && batchShare.compareTo(BigDecimal.ONE) < 0 && inputTokenShare.signum() > 0
                && classCosts.stream().anyMatch(cost -> cost.tokens() > 0 && cost.price().cachedInputPerMillionUsd() != null);
    }

    /** Returns the ids of the mix's models that lack a price, once each in size-class order. */
    List<String> modelsWithout(Function<ModelPrice, BigDecimal> price) {
        return Forecaster.modelsWithout(classCosts, price);
    }

    /** Returns the GPU fleet's cost, or {@code null} when the organisation runs no GPUs. */
    public GpuCost getGpu() {
        return gpu;
    }

    /** Returns the GPU fleet's monthly cost, or zero without a fleet. */
    public BigDecimal getGpuMonthlyUsd() {
        return gpu == null ? BigDecimal.ZERO.setScale(2) : gpu.monthlyUsd();
    }

    /** Returns this month's forecast: token spend plus the GPU fleet. */
    public BigDecimal getTotalMonthlyUsd() {
        return totalMonthlyUsd;
    }

    public BigDecimal getWeeklyGrowthPercent() {
        return weeklyGrowthPercent;
    }

    /** Returns the rolling projection, one entry per week from week 1. */
    public List<ProjectedWeek> getProjection() {
        return projection;
    }

    /**
     * Returns the first week of the projection whose monthly rate reaches an amount, or {@code null} when no
     * week does. Rules call it with a share of the budget, such as 80% for the budget alert.
     */
    public Integer firstWeekAtOrAbove(BigDecimal amountUsd) {
        for (ProjectedWeek week : projection) {
            if (week.monthlyRateUsd().compareTo(amountUsd) >= 0) {
                return week.week();
            }
        }
        return null;
    }

    /** Returns the week of the projection with the highest monthly rate (the last one when spend grows). */
    public ProjectedWeek getPeakWeek() {
        ProjectedWeek peak = projection.get(0);
        for (ProjectedWeek week : projection) {
            if (week.monthlyRateUsd().compareTo(peak.monthlyRateUsd()) > 0) {
                peak = week;
            }
        }
        return peak;
    }

    /** Returns the highest monthly rate of the projection. */
    public BigDecimal getPeakMonthlyRateUsd() {
        return getPeakWeek().monthlyRateUsd();
    }

    /** Returns the week of the projection with the highest monthly rate. */
    public int getPeakWeekNumber() {
        return getPeakWeek().week();
    }

    /** Returns the past weeks whose forecast missed the actual spend by more than a tolerance, either way. */
    public List<VarianceWeek> varianceBeyond(BigDecimal tolerancePercent) {
        return variance.stream().filter(week -> week.variancePercent().abs().compareTo(tolerancePercent) > 0).toList();
    }

    public List<VarianceWeek> getVariance() {
        return variance;
    }

    /** Returns the break-even of provisioned throughput, or {@code null} when the catalogue lists no unit. */
    public BreakEven getBreakEven() {
        return breakEven;
    }

    /** Returns the defaults and prices the forecast relied on, as sentences for the report. */
    public List<String> getAssumptions() {
        List<String> written = assumptions;
        if (written == null) {
            written = List.copyOf(assumptionWriter.get());
            assumptions = written;
        }
        return written;
    }
}
