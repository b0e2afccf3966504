package dev.aicostadvisor.forecast;

import java.math.BigDecimal;

import dev.aicostadvisor.pricing.GpuPrice;
import dev.aicostadvisor.pricing.SavingsTable.CapacityMix;

/**
 * The GPU fleet priced on the capacity mix of its workload pattern, against its cost today.
 *
 * @param gpu          the catalogue's prices for the fleet's GPU type
 * @param mix          the workload pattern's split of GPU hours
 * @param hourlyUsd    the blended hourly price per GPU on that mix
 * @param monthlyUsd   the fleet's monthly cost on that mix
 * @param currentUsd   the fleet's monthly cost today, at the scenario's hourly price
 * @param substituted  capacity types the catalogue has no price for, priced on-demand instead
 */
public record CapacityPlan(GpuPrice gpu, CapacityMix mix, BigDecimal hourlyUsd, BigDecimal monthlyUsd, BigDecimal currentUsd,
                           java.util.List<String> substituted) {
}
