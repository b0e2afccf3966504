package dev.aicostadvisor.forecast;

import java.math.BigDecimal;

import dev.aicostadvisor.pricing.SavingsTable.CostBase;

/**
 * The expected saving of one recommended technique on its own, or the extra cost of one performance choice.
 *
 * @param node     the outcome node that brings it, such as {@code Routing}
 * @param base     the cost it applies to
 * @param low      the low end as a share: 0.40 is 40%
 * @param high     the high end as a share
 * @param lowUsd   the low end in USD a month, on this month's forecast
 * @param highUsd  the high end in USD a month
 * @param basis    the flowchart's words the range comes from
 */
public record TechniqueSaving(String node, CostBase base, BigDecimal low, BigDecimal high, BigDecimal lowUsd,
                              BigDecimal highUsd, String basis) {
}
