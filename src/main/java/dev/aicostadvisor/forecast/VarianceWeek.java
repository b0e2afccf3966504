package dev.aicostadvisor.forecast;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * How far a past week's forecast was from its actual spend.
 *
 * @param week            the first day of the week
 * @param forecastUsd     the forecast made for the week
 * @param actualUsd       what was spent
 * @param variancePercent (actual - forecast) / forecast x 100, to two decimals; positive means overspent
 */
public record VarianceWeek(LocalDate week, BigDecimal forecastUsd, BigDecimal actualUsd, BigDecimal variancePercent) {
}
