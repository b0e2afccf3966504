package dev.aicostadvisor.forecast;

import java.math.BigDecimal;

import dev.aicostadvisor.pricing.ModelPrice;
import dev.aicostadvisor.pricing.ProvisionedUnit;

/**
 * Where provisioned throughput starts to cost less than on-demand pricing for one model.
 *
 * @param unit                  the provisioned unit compared
 * @param model                 the model it serves, with its on-demand prices
 * @param onDemandPerMillionUsd the model's on-demand price per million tokens at the workload's input/output split
 * @param minimumMonthlyUsd     what the smallest provisioned deployment costs a month
 * @param breakEvenTokens       the monthly tokens at which on-demand spend equals that minimum
 * @param capacityTokens        the monthly tokens the smallest deployment can serve at full utilisation
 * @param workloadTokens        the workload's monthly tokens on that model
 * @param servesScenarioModel   whether the unit serves a model of the scenario's mix. If not, the whole
 *                              workload is compared as if it ran on the unit's model
 */
public record BreakEven(ProvisionedUnit unit, ModelPrice model, BigDecimal onDemandPerMillionUsd, BigDecimal minimumMonthlyUsd,
                        long breakEvenTokens, long capacityTokens, long workloadTokens, boolean servesScenarioModel) {

    /** Tells whether the smallest deployment can serve the break-even volume at all. */
    public boolean reachable() {
        return breakEvenTokens <= capacityTokens;
    }

    /** Tells whether this workload's volume is past the break-even point and within capacity. */
    public boolean provisionedPaysOff() {
        return workloadTokens >= breakEvenTokens && reachable();
    }
}
