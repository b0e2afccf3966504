package dev.aicostadvisor.forecast;

import java.math.BigDecimal;
import java.util.List;

/**
 * The expected savings of the recommended techniques and the extra cost of the performance choices, each as
 * a low-high range, and what they leave of this month's forecast. Savings on the same cost combine by
 * multiplying what each leaves, so the combined share stays below 100%. Inserted as a fact before Phase 4.
 */
public final class SavingsEstimate {

    private final List<TechniqueSaving> savings;
    private final List<TechniqueSaving> extraCosts;
    private final List<CountedSaving> alreadyCounted;
    private final BigDecimal tokenSavingLow;
    private final BigDecimal tokenSavingHigh;
    private final BigDecimal gpuSavingLow;
    private final BigDecimal gpuSavingHigh;
    private final BigDecimal extraCostLow;
    private final BigDecimal extraCostHigh;
    private final BigDecimal monthlyBeforeUsd;
    private final BigDecimal monthlyAfterBestUsd;
    private final BigDecimal monthlyAfterWorstUsd;
    private final CapacityPlan capacityPlan;

    SavingsEstimate(List<TechniqueSaving> savings, List<TechniqueSaving> extraCosts, List<CountedSaving> alreadyCounted,
                    BigDecimal tokenSavingLow,
                    BigDecimal tokenSavingHigh, BigDecimal gpuSavingLow, BigDecimal gpuSavingHigh, BigDecimal extraCostLow,
                    BigDecimal extraCostHigh, BigDecimal monthlyBeforeUsd, BigDecimal monthlyAfterBestUsd,
                    BigDecimal monthlyAfterWorstUsd, CapacityPlan capacityPlan) {
        this.savings = List.copyOf(savings);
        this.extraCosts = List.copyOf(extraCosts);
        this.alreadyCounted = List.copyOf(alreadyCounted);
        this.tokenSavingLow = tokenSavingLow;
        this.tokenSavingHigh = tokenSavingHigh;
        this.gpuSavingLow = gpuSavingLow;
        this.gpuSavingHigh = gpuSavingHigh;
        this.extraCostLow = extraCostLow;
        this.extraCostHigh = extraCostHigh;
        this.monthlyBeforeUsd = monthlyBeforeUsd;
        this.monthlyAfterBestUsd = monthlyAfterBestUsd;
        this.monthlyAfterWorstUsd = monthlyAfterWorstUsd;
        this.capacityPlan = capacityPlan;
    }

    /** Returns each technique's saving on its own, in flowchart order. */
    public List<TechniqueSaving> getSavings() {
        return savings;
    }

    public List<TechniqueSaving> getExtraCosts() {
        return extraCosts;
    }

    /** Returns the recommended techniques left out of the combined figures because the forecast already includes them. */
    public List<CountedSaving> getAlreadyCounted() {
        return alreadyCounted;
    }

    /** Returns the combined saving on token spend at the low end of every range, as a share. */
    public BigDecimal getTokenSavingLow() {
        return tokenSavingLow;
    }

    public BigDecimal getTokenSavingHigh() {
        return tokenSavingHigh;
    }

    public BigDecimal getGpuSavingLow() {
        return gpuSavingLow;
    }

    public BigDecimal getGpuSavingHigh() {
        return gpuSavingHigh;
    }

    /** Returns the combined extra cost on token spend at the low end, as a share: 0.20 is 20% more. */
    public BigDecimal getExtraCostLow() {
        return extraCostLow;
    }

    public BigDecimal getExtraCostHigh() {
        return extraCostHigh;
    }

    public BigDecimal getMonthlyBeforeUsd() {
        return monthlyBeforeUsd;
    }

    /** Returns the monthly cost with the most savings and the least extra cost. */
    public BigDecimal getMonthlyAfterBestUsd() {
        return monthlyAfterBestUsd;
    }

    /** Returns the monthly cost with the least savings and the most extra cost. */
    public BigDecimal getMonthlyAfterWorstUsd() {
        return monthlyAfterWorstUsd;
    }

    /** Returns the fleet priced on its workload pattern's capacity mix, or {@code null} without a GPU type. */
    public CapacityPlan getCapacityPlan() {
        return capacityPlan;
    }
}
