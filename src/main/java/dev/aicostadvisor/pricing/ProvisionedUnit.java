package dev.aicostadvisor.pricing;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A unit of provisioned throughput: capacity for one model bought for a term at a fixed price.
 *
 * @param id                          the unit's id in the catalogue
 * @param provider                    who sells it, such as {@code azure-openai}
 * @param model                       the model it serves, by catalogue id
 * @param unit                        what one unit is called, such as PTU
 * @param monthlyUsdPerUnit           the price of one unit for a month on the term below
 * @param termMonths                  the commitment term in months
 * @param minimumUnits                the fewest units a deployment may have
 * @param inputTokensPerMinutePerUnit input tokens one unit processes per minute
 * @param outputTokenWeight           how many input tokens one output token counts as against that capacity
 * @param source                      where the figures come from
 */
public record ProvisionedUnit(String id, String provider, String model, String unit, BigDecimal monthlyUsdPerUnit,
                              int termMonths, int minimumUnits, long inputTokensPerMinutePerUnit,
                              BigDecimal outputTokenWeight, PriceSource source) {

    public ProvisionedUnit {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(monthlyUsdPerUnit, "monthlyUsdPerUnit");
        Objects.requireNonNull(outputTokenWeight, "outputTokenWeight");
        Objects.requireNonNull(source, "source");
    }

    /** Returns what the smallest deployment costs a month. */
    public BigDecimal minimumMonthlyUsd() {
        return monthlyUsdPerUnit.multiply(BigDecimal.valueOf(minimumUnits));
    }
}
