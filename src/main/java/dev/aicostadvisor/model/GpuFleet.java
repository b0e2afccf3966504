package dev.aicostadvisor.model;

import java.math.BigDecimal;
import java.util.Objects;

/** The organisation's own GPUs (decisions GPU1 and Optimize4). A scenario without a fleet runs none. */
public final class GpuFleet {

    private final int gpus;
    private final BigDecimal utilizationPercent;
    private final BigDecimal hourlyCostUsd;
    private final String gpuType;

    /**
     * @param gpus               how many GPUs, from 1; a scenario without GPUs has no fleet
     * @param utilizationPercent their average utilisation in percent, from 0 to 100
     * @param hourlyCostUsd      what one GPU costs per hour in USD, from 0
     */
    public GpuFleet(int gpus, BigDecimal utilizationPercent, BigDecimal hourlyCostUsd) {
        this(gpus, utilizationPercent, hourlyCostUsd, null);
    }

    /**
     * @param gpuType the GPU's id in the pricing catalogue, such as {@code h100-sxm}, or {@code null}; with it,
     *                the forecast prices the fleet on reserved and spot capacity too
     */
    public GpuFleet(int gpus, BigDecimal utilizationPercent, BigDecimal hourlyCostUsd, String gpuType) {
        this.gpus = (int) Limits.requireRange("gpuFleet.gpus", gpus, 1, Limits.MAX_GPUS);
        this.utilizationPercent = Limits.requireRange("gpuFleet.utilizationPercent", utilizationPercent, BigDecimal.ZERO, Limits.HUNDRED);
        this.hourlyCostUsd = Limits.requireRange("gpuFleet.hourlyCostUsd", hourlyCostUsd, BigDecimal.ZERO, Limits.MAX_HOURLY_GPU_USD);
        this.gpuType = gpuType;
    }

    public int getGpus() {
        return gpus;
    }

    public BigDecimal getUtilizationPercent() {
        return utilizationPercent;
    }

    public BigDecimal getHourlyCostUsd() {
        return hourlyCostUsd;
    }

    /** Returns the GPU's id in the pricing catalogue, or {@code null} when the scenario does not say. */
    public String getGpuType() {
        return gpuType;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof GpuFleet that
                && gpus == that.gpus
                && utilizationPercent.compareTo(that.utilizationPercent) == 0
                && hourlyCostUsd.compareTo(that.hourlyCostUsd) == 0
                && Objects.equals(gpuType, that.gpuType);
    }

    @Override
    public int hashCode() {
        return Objects.hash(gpus, utilizationPercent.stripTrailingZeros(), hourlyCostUsd.stripTrailingZeros());
    }

    @Override
    public String toString() {
        return "GpuFleet[gpus=" + gpus + ", utilizationPercent=" + utilizationPercent.toPlainString()
                + ", hourlyCostUsd=" + hourlyCostUsd.toPlainString() + "]";
    }
}
