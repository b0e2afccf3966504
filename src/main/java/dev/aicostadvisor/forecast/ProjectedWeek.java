package dev.aicostadvisor.forecast;

import java.math.BigDecimal;

/**
 * One week of the rolling projection.
 *
 * @param week            the week's number, from 1 for the coming week
 * @param monthlyRateUsd  the monthly spend at this week's volume: this month's token spend grown by the weekly
 *                        rate, plus the GPU fleet, which does not grow
 * @param spendUsd        the week's own spend: the monthly rate x 12 / 52
 */
public record ProjectedWeek(int week, BigDecimal monthlyRateUsd, BigDecimal spendUsd) {
}
