package dev.aicostadvisor.forecast;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import dev.aicostadvisor.model.Flowchart;
import dev.aicostadvisor.model.FlowchartNode;
import dev.aicostadvisor.model.QueryMix;
import dev.aicostadvisor.model.Scenario;
import dev.aicostadvisor.pricing.GpuPrice;
import dev.aicostadvisor.pricing.ModelPrice;
import dev.aicostadvisor.pricing.PricingCatalogue;
import dev.aicostadvisor.pricing.SavingsTable;
import dev.aicostadvisor.pricing.SavingsTable.CapacityMix;
import dev.aicostadvisor.pricing.SavingsTable.CostBase;
import dev.aicostadvisor.pricing.SavingsTable.Range;
import dev.aicostadvisor.rules.RuleText;

/**
 * Turns the outcomes a scenario reached into savings ranges on its forecast. Each technique's range comes
 * from the savings table. Ranges on the same cost combine as 1 - (1 - a)(1 - b)..., and extra costs as
 * (1 + a)(1 + b)... - 1.
 *
 * <p>A technique that the scenario's own figures already apply is left out of the combined figures: caching
 * when the forecast priced some input tokens at cached-input rates from the measured cache hit rate, and
 * small models when every query is already priced on the small model.
 */
public final class SavingsEstimator {

    private final SavingsTable table;
    private final PricingCatalogue catalogue;

    public SavingsEstimator(SavingsTable table, PricingCatalogue catalogue) {
        this.table = Objects.requireNonNull(table, "table");
        this.catalogue = Objects.requireNonNull(catalogue, "catalogue");
    }

    /** Tells whether a node brings a saving or an extra cost, so that reaching it changes an estimate. */
    public boolean hasRange(String node) {
        return table.saving(node).isPresent() || table.extraCost(node).isPresent();
    }

    /** Estimates the savings of the nodes reached so far; nodes without a range are ignored. */
    public SavingsEstimate estimate(Scenario scenario, Forecast forecast, Collection<String> reached) {
        List<TechniqueSaving> savings = new ArrayList<>();
        List<TechniqueSaving> extraCosts = new ArrayList<>();
        List<CountedSaving> counted = new ArrayList<>();
        String workloadPattern = null;
        for (FlowchartNode node : Flowchart.nodes()) {
            if (!reached.contains(node.id())) {
                continue;
            }
            if (node.decision().equals("WL1")) {
                workloadPattern = node.id();
            }
            String inForecast = alreadyCounted(scenario, forecast, node.id()).orElse(null);
            if (inForecast != null && table.saving(node.id()).isPresent()) {
                counted.add(new CountedSaving(node.id(), inForecast));
                continue;
            }
            table.saving(node.id()).ifPresent(range -> savings.add(priced(range, forecast)));
            table.extraCost(node.id()).ifPresent(range -> extraCosts.add(priced(range, forecast)));
        }

        BigDecimal tokenLow = combinedSaving(savings, CostBase.TOKENS, false);
        BigDecimal tokenHigh = combinedSaving(savings, CostBase.TOKENS, true);
        BigDecimal gpuLow = combinedSaving(savings, CostBase.GPU, false);
        BigDecimal gpuHigh = combinedSaving(savings, CostBase.GPU, true);
        BigDecimal extraLow = combinedExtra(extraCosts, false);
        BigDecimal extraHigh = combinedExtra(extraCosts, true);

        // Each part is rounded as the forecast rounds it, so that "after all of them" matches a forecast of the
        // iterate loop that applies the same shares: token spend once from its unrounded sum, the fleet on its own.
        BigDecimal tokens = forecast.unroundedTokenSpendUsd();
        BigDecimal gpu = forecast.getGpuMonthlyUsd();
        BigDecimal best = Money.cents(after(tokens, tokenHigh, extraLow)).add(Money.cents(gpu.multiply(BigDecimal.ONE.subtract(gpuHigh))));
        BigDecimal worst = Money.cents(after(tokens, tokenLow, extraHigh)).add(Money.cents(gpu.multiply(BigDecimal.ONE.subtract(gpuLow))));
        return new SavingsEstimate(savings, extraCosts, counted, tokenLow, tokenHigh, gpuLow, gpuHigh, extraLow, extraHigh,
                forecast.getTotalMonthlyUsd(), best, worst, capacityPlan(scenario, forecast, workloadPattern));
    }

    /**
     * Tells why the forecast already includes a technique's saving, or nothing when it does not. Caching is
     * included when some input tokens were priced at a cached-input rate, and small models when every query is
     * simple, so priced on the small model.
     */
    public Optional<String> alreadyCounted(Scenario scenario, Forecast forecast, String node) {
        if (node.equals("Cache") && forecast.pricesCachedInput()) {
            List<String> uncached = forecast.modelsWithout(ModelPrice::cachedInputPerMillionUsd);
            return Optional.of("the forecast already prices the measured cache hit rate of " + RuleText.share(forecast.getCacheHitRate())
                    + " at cached-input rates" + (forecast.getBatchShare().signum() > 0 ? " outside batch traffic" : "")
                    + (uncached.isEmpty() ? "" : ", except on " + RuleText.list(uncached) + (uncached.size() == 1 ? ", which has" : ", which have")
                    + " no cached-input price") + ".");
        }
        QueryMix mix = scenario.getWorkload().getQueryMix();
        if (node.equals("SmallModel") && mix.getComplex().signum() == 0 && mix.getBalanced().signum() == 0) {
            return Optional.of("the forecast already prices every query on the small model.");
        }
        return Optional.empty();
    }

    private static BigDecimal after(BigDecimal tokens, BigDecimal saving, BigDecimal extra) {
        return tokens.multiply(BigDecimal.ONE.subtract(saving)).multiply(BigDecimal.ONE.add(extra));
    }

    private static TechniqueSaving priced(Range range, Forecast forecast) {
        BigDecimal base = range.base() == CostBase.TOKENS ? forecast.getTokenSpendUsd() : forecast.getGpuMonthlyUsd();
        return new TechniqueSaving(range.node(), range.base(), range.low(), range.high(),
                Money.cents(base.multiply(range.low())), Money.cents(base.multiply(range.high())), range.basis());
    }

    /** Combines savings on one cost: 1 minus the product of what each leaves. */
    static BigDecimal combinedSaving(List<TechniqueSaving> savings, CostBase base, boolean high) {
        BigDecimal left = BigDecimal.ONE;
        for (TechniqueSaving saving : savings) {
            if (saving.base() == base) {
                left = left.multiply(BigDecimal.ONE.subtract(high ? saving.high() : saving.low()));
            }
        }
        return BigDecimal.ONE.subtract(left);
    }

    private static BigDecimal combinedExtra(List<TechniqueSaving> extraCosts, boolean high) {
        BigDecimal factor = BigDecimal.ONE;
        for (TechniqueSaving extra : extraCosts) {
            factor = factor.multiply(BigDecimal.ONE.add(high ? extra.high() : extra.low()));
        }
        return factor.subtract(BigDecimal.ONE);
    }

    private CapacityPlan capacityPlan(Scenario scenario, Forecast forecast, String workloadPattern) {
        if (scenario.getGpuFleet() == null || scenario.getGpuFleet().getGpuType() == null || workloadPattern == null) {
            return null;
        }
        GpuPrice gpu = catalogue.gpu(scenario.getGpuFleet().getGpuType()).orElse(null);
        CapacityMix mix = table.capacityMix(workloadPattern).orElse(null);
        if (gpu == null || mix == null) {
            return null;
        }
        List<String> substituted = new ArrayList<>();
        BigDecimal reserved = priceOr(gpu.reservedHourlyUsd(), gpu.onDemandHourlyUsd(), mix.reserved(), "reserved", substituted);
        BigDecimal spot = priceOr(gpu.spotHourlyUsd(), gpu.onDemandHourlyUsd(), mix.spot(), "spot", substituted);
        BigDecimal hourly = mix.reserved().multiply(reserved)
                .add(mix.spot().multiply(spot))
                .add(mix.onDemand().multiply(gpu.onDemandHourlyUsd()));
        BigDecimal gpus = BigDecimal.valueOf(scenario.getGpuFleet().getGpus());
        return new CapacityPlan(gpu, mix, hourly.setScale(4, java.math.RoundingMode.HALF_UP),
                Money.cents(gpus.multiply(hourly).multiply(Forecaster.HOURS_PER_MONTH)), forecast.getGpuMonthlyUsd(), substituted);
    }

    private static BigDecimal priceOr(BigDecimal price, BigDecimal onDemand, BigDecimal share, String kind, List<String> substituted) {
        if (price != null) {
            return price;
        }
        if (share.signum() > 0) {
            substituted.add(kind);
        }
        return onDemand;
    }
}
