package dev.aicostadvisor.model;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the cost forecast needs beyond the workload: the input/output token split, the model chosen for each
 * size class, the share of traffic that can run as batch, the weekly growth of token volume, and past weeks'
 * forecasts against actual spend. Every field is optional; {@link #NONE} holds the defaults.
 */
public final class ForecastInputs {

    /** The default share of tokens that are input tokens: three input tokens to one output token. */
    public static final BigDecimal DEFAULT_INPUT_TOKEN_SHARE = new BigDecimal("0.75");
    /** The steepest weekly growth or decline accepted, in percent. */
    public static final BigDecimal MAX_WEEKLY_GROWTH_PERCENT = new BigDecimal("100");
    public static final BigDecimal MIN_WEEKLY_GROWTH_PERCENT = new BigDecimal("-50");
    /** The most past weeks a scenario may give. */
    public static final int MAX_HISTORY_WEEKS = 520;

    /** No forecast inputs: every default applies. */
    public static final ForecastInputs NONE = new ForecastInputs(null, Map.of(), null, null, List.of());

    private final BigDecimal inputTokenShare;
    private final Map<SizeClass, String> models;
    private final BigDecimal batchShare;
    private final BigDecimal weeklyGrowthPercent;
    private final List<WeeklySpend> history;

    /**
     * @param inputTokenShare     share of tokens that are input tokens, from 0 to 1, or {@code null} for 0.75
     * @param models              the model id chosen for some size classes; the catalogue's default for the rest
     * @param batchShare          share of traffic that can run as batch, from 0 to 1, or {@code null} for 0
     * @param weeklyGrowthPercent weekly growth of token volume in percent, from -50 to 100, or {@code null} for 0
     * @param history             past weeks, oldest first
     */
    public ForecastInputs(BigDecimal inputTokenShare, Map<SizeClass, String> models, BigDecimal batchShare,
                          BigDecimal weeklyGrowthPercent, List<WeeklySpend> history) {
        this.inputTokenShare = Limits.optionalRange("forecast.inputTokenShare", inputTokenShare, BigDecimal.ZERO, BigDecimal.ONE);
        EnumMap<SizeClass, String> copy = new EnumMap<>(SizeClass.class);
        copy.putAll(Objects.requireNonNull(models, "models"));
        this.models = Collections.unmodifiableMap(copy);
        this.batchShare = Limits.optionalRange("forecast.batchShare", batchShare, BigDecimal.ZERO, BigDecimal.ONE);
        this.weeklyGrowthPercent = Limits.optionalRange("forecast.weeklyGrowthPercent", weeklyGrowthPercent,
                MIN_WEEKLY_GROWTH_PERCENT, MAX_WEEKLY_GROWTH_PERCENT);
        if (history.size() > MAX_HISTORY_WEEKS) {
            throw new IllegalArgumentException("forecast.history: " + history.size() + " weeks; at most " + MAX_HISTORY_WEEKS + " are allowed");
        }
        this.history = List.copyOf(new ArrayList<>(history));
    }

    /** Returns the input token share, or {@code null} when the scenario leaves it to the default. */
    public BigDecimal getInputTokenShare() {
        return inputTokenShare;
    }

    /** Returns the input token share that the forecast uses. */
    public BigDecimal inputTokenShareOrDefault() {
        return inputTokenShare != null ? inputTokenShare : DEFAULT_INPUT_TOKEN_SHARE;
    }

    /** Returns the models the scenario names, by size class; classes it leaves out are missing. */
    public Map<SizeClass, String> getModels() {
        return models;
    }

    public BigDecimal getBatchShare() {
        return batchShare;
    }

    public BigDecimal batchShareOrDefault() {
        return batchShare != null ? batchShare : BigDecimal.ZERO;
    }

    public BigDecimal getWeeklyGrowthPercent() {
        return weeklyGrowthPercent;
    }

    public BigDecimal weeklyGrowthPercentOrDefault() {
        return weeklyGrowthPercent != null ? weeklyGrowthPercent : BigDecimal.ZERO;
    }

    public List<WeeklySpend> getHistory() {
        return history;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ForecastInputs that
                && Decimals.sameValue(inputTokenShare, that.inputTokenShare)
                && models.equals(that.models)
                && Decimals.sameValue(batchShare, that.batchShare)
                && Decimals.sameValue(weeklyGrowthPercent, that.weeklyGrowthPercent)
                && history.equals(that.history);
    }

    @Override
    public int hashCode() {
        return Objects.hash(Decimals.hashOf(inputTokenShare), models, Decimals.hashOf(batchShare),
                Decimals.hashOf(weeklyGrowthPercent), history);
    }

    @Override
    public String toString() {
        return "ForecastInputs[inputTokenShare=" + Decimals.plain(inputTokenShare) + ", models=" + models
                + ", batchShare=" + Decimals.plain(batchShare) + ", weeklyGrowthPercent=" + Decimals.plain(weeklyGrowthPercent)
                + ", history=" + history.size() + " weeks]";
    }
}
