package dev.aicostadvisor.model;

import java.math.BigDecimal;
import java.util.Objects;

/** The organisation's own GPUs (decisions GPU1 and Optimize4). A scenario without a fleet runs none. */
public final class GpuFleet {

    private final int gpus;
    private final BigDecimal utilizationPercent;
    private final BigDecimal hourlyCostUsd;

    /**
     * @param gpus               how many GPUs, from 0
     * @param utilizationPercent their average utilisation in percent, from 0 to 100
     * @param hourlyCostUsd      what one GPU costs per hour in USD, from 0
     */
    public GpuFleet(int gpus, BigDecimal utilizationPercent, BigDecimal hourlyCostUsd) {
        this.gpus = (int) Limits.requireRange("gpuFleet.gpus", gpus, 0, Limits.MAX_GPUS);
        this.utilizationPercent = Limits.requireRange("gpuFleet.utilizationPercent", utilizationPercent, BigDecimal.ZERO, Limits.HUNDRED);
        this.hourlyCostUsd = Limits.requireRange("gpuFleet.hourlyCostUsd", hourlyCostUsd, BigDecimal.ZERO, Limits.MAX_HOURLY_GPU_USD);
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

    @Override
    public boolean equals(Object other) {
        return other instanceof GpuFleet that
                && gpus == that.gpus
                && utilizationPercent.compareTo(that.utilizationPercent) == 0
                && hourlyCostUsd.compareTo(that.hourlyCostUsd) == 0;
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
