package dev.aicostadvisor.model;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One past week: what was forecast for it and what was actually spent, in USD.
 *
 * @param week        the first day of the week
 * @param forecastUsd the forecast made for the week, above 0
 * @param actualUsd   the actual spend of the week, from 0
 */
public record WeeklySpend(LocalDate week, BigDecimal forecastUsd, BigDecimal actualUsd) {

    public WeeklySpend {
        Objects.requireNonNull(week, "week");
        Limits.requirePositive("forecast.history.forecastUsd", forecastUsd, Limits.MAX_USD);
        Limits.requireRange("forecast.history.actualUsd", actualUsd, BigDecimal.ZERO, Limits.MAX_USD);
    }
}
