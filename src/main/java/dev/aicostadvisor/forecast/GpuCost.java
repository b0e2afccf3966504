package dev.aicostadvisor.forecast;

import java.math.BigDecimal;

/**
 * The monthly cost of the organisation's own GPU fleet.
 *
 * @param gpus               how many GPUs
 * @param hourlyUsd          what one GPU costs per hour
 * @param monthlyUsd         gpus x hourly price x hours per month, to the cent
 * @param utilizationPercent the fleet's utilisation
 * @param idleUsd            what the idle share costs a month: monthly cost x (100 - utilisation) / 100
 */
public record GpuCost(int gpus, BigDecimal hourlyUsd, BigDecimal monthlyUsd, BigDecimal utilizationPercent, BigDecimal idleUsd) {
}
