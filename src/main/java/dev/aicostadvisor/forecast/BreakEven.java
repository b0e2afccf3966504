package dev.aicostadvisor.forecast;

import java.math.BigDecimal;

import dev.aicostadvisor.pricing.ModelPrice;
import dev.aicostadvisor.pricing.ProvisionedUnit;

/**
 * Where provisioned throughput starts to cost less than on-demand pricing for one model, and whether it costs
 * less for this workload.
 *
 * @param unit                   the provisioned unit compared
 * @param model                  the model it serves, with its on-demand prices
 * @param onDemandPerMillionUsd  the model's on-demand price per million tokens at the workload's input/output split
 * @param minimumMonthlyUsd      what the smallest provisioned deployment costs a month
 * @param breakEvenTokens        the monthly tokens at which on-demand spend on the unit's model equals that minimum
 * @param capacityTokens         the monthly tokens the smallest deployment can serve at full utilisation
 * @param workloadTokens         the workload's monthly tokens compared: those of the class on the unit's model, or
 *                               all of them when no class is
 * @param workloadTokenSpendUsd  what the forecast prices those tokens at a month, on the scenario's own models
 * @param workloadUnits          the units a deployment needs to serve those tokens, at least the minimum
 * @param workloadProvisionedUsd what that deployment costs a month
 * @param servesScenarioModel    whether the unit serves a model of the scenario's mix. If not, the workload would
 *                               have to move to the unit's model, and the verdict compares that deployment with
 *                               the workload's own token spend
 */
public record BreakEven(ProvisionedUnit unit, ModelPrice model, BigDecimal onDemandPerMillionUsd, BigDecimal minimumMonthlyUsd,
                        long breakEvenTokens, long capacityTokens, long workloadTokens, BigDecimal workloadTokenSpendUsd,
                        long workloadUnits, BigDecimal workloadProvisionedUsd, boolean servesScenarioModel) {

    /** Tells whether the smallest deployment can serve the break-even volume at all. */
    public boolean reachable() {
        return breakEvenTokens <= capacityTokens;
    }

    /**
     * Tells whether provisioned throughput costs less for this workload. On the scenario's own model, that is
     * when its volume is past the break-even point and within capacity. On another model, the workload does not
     * pay that model's on-demand prices, so the deployment that serves its tokens must cost less than the
     * forecast token spend.
     */
    public boolean provisionedPaysOff() {
        if (servesScenarioModel) {
            return workloadTokens >= breakEvenTokens && reachable();
        }
        return workloadProvisionedUsd.compareTo(workloadTokenSpendUsd) < 0;
    }
}
