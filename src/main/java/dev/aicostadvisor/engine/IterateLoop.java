package dev.aicostadvisor.engine;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.kie.api.KieBase;
import org.kie.api.definition.type.FactType;

import dev.aicostadvisor.Evaluation;
import dev.aicostadvisor.forecast.Adjustment;
import dev.aicostadvisor.forecast.Cycle;
import dev.aicostadvisor.forecast.Forecast;
import dev.aicostadvisor.forecast.Forecaster;
import dev.aicostadvisor.forecast.Iteration;
import dev.aicostadvisor.forecast.SavingsEstimator;
import dev.aicostadvisor.model.GpuFleet;
import dev.aicostadvisor.model.Limits;
import dev.aicostadvisor.model.Metrics;
import dev.aicostadvisor.model.Phase;
import dev.aicostadvisor.model.Recommendation;
import dev.aicostadvisor.model.Scenario;
import dev.aicostadvisor.model.Workload;
import dev.aicostadvisor.pricing.SavingsTable;
import dev.aicostadvisor.rules.RuleText;

/**
 * The flowchart's iterate loop: when the success check reaches an Optimize outcome, apply the expected
 * savings of the recommended techniques to the scenario's figures and rerun Phases 2 to 4 and the success
 * check on them, keeping the Phase 1 outcomes, then report what changed.
 *
 * <p>Each cycle applies the low end of each range, so its forecast is conservative, and applies a technique
 * once: the techniques Phase 3 recommends again in the next cycle are already in place. Token optimisation
 * cuts the token volume; routing, caching and small models cut the price of each token; a GPU band's saving
 * cuts the fleet, never below what the utilisation target needs; Optimize2's upgrade adds its extra cost.
 * The loop stops when no Optimize outcome is left, when a cycle changes no outcome, when nothing is left to
 * apply, or after the cycle limit.
 *
 * <p>NOTE: latency after an upgrade cannot be forecast, so a measured p95 latency above target keeps
 * Optimize2 in every cycle.
 */
public final class IterateLoop {

    private static final List<String> OPTIMIZE = List.of("Optimize1", "Optimize2", "Optimize3", "Optimize4");
    private static final List<String> PRICE_TECHNIQUES = List.of("Routing", "Cache", "SmallModel");
    private static final List<Phase> RERUN = List.of(Phase.PHASE_2, Phase.PHASE_3, Phase.PHASE_4, Phase.SUCCESS);

    private final SessionRunner runner;
    private final Forecaster forecaster;
    private final SavingsEstimator estimator;
    private final SavingsTable table;
    private final int maxCycles;

    public IterateLoop(SessionRunner runner, Forecaster forecaster, SavingsEstimator estimator, SavingsTable table, int maxCycles) {
        if (maxCycles < 0) {
            throw new IllegalArgumentException("maxCycles must be 0 or more, was " + maxCycles);
        }
        this.runner = runner;
        this.forecaster = forecaster;
        this.estimator = estimator;
        this.table = table;
        this.maxCycles = maxCycles;
    }

    /** Runs the cycles that follow an evaluation. */
    public Iteration iterate(KieBase kieBase, Evaluation first, Forecast firstForecast) {
        if (!hasOptimize(first)) {
            return new Iteration(List.of(), "No Optimize outcome applies, so no cycle ran.");
        }
        if (maxCycles == 0) {
            return new Iteration(List.of(), "The iterate loop is switched off (0 cycles allowed).");
        }
        BigDecimal utilizationTarget = utilizationTarget(kieBase);
        List<Cycle> cycles = new ArrayList<>();
        Set<String> applied = new HashSet<>();
        Evaluation previous = first;
        Scenario scenario = first.scenario();
        Forecast forecast = firstForecast;
        BigDecimal priceFactor = BigDecimal.ONE;

        for (int number = 1; number <= maxCycles; number++) {
            List<Adjustment> adjustments = new ArrayList<>();
            Set<String> reached = previous.nodes();
            BigDecimal cyclePriceFactor = priceFactor(scenario, forecast, reached, applied, adjustments);
            Scenario adjusted = adjustWorkload(scenario, reached, applied, adjustments);
            adjusted = adjustFleet(adjusted, reached, applied, utilizationTarget, adjustments);
            if (adjustments.stream().allMatch(adjustment -> adjustment.before().equals(adjustment.after()))) {
                List<String> blocked = adjustments.stream().map(adjustment -> adjustment.field() + ": " + adjustment.reason()).toList();
                return new Iteration(cycles, "Cycle " + number + " would change no figure: " + (blocked.isEmpty()
                        ? "every saving of the recommended techniques is already applied."
                        : String.join("; ", blocked) + "."));
            }
            priceFactor = priceFactor.multiply(cyclePriceFactor);
            Forecast next = forecaster.forecast(adjusted, priceFactor);
            adjusted = adjustMetrics(adjusted, cyclePriceFactor, forecast.getTotalMonthlyUsd(), next.getTotalMonthlyUsd(), adjustments);
            next = forecaster.forecast(adjusted, priceFactor);

            Evaluation rerun = rerun(kieBase, adjusted, previous, next);
            List<String> added = rerun.nodes().stream().filter(node -> !reached.contains(node)).toList();
            List<String> removed = reached.stream().filter(node -> !rerun.nodes().contains(node)).toList();
            cycles.add(new Cycle(number, adjustments, next.getTotalMonthlyUsd(), added, removed, List.copyOf(rerun.nodes())));

            if (!hasOptimize(rerun)) {
                return new Iteration(cycles, "After cycle " + number + " no Optimize outcome applies: the optimisations meet the targets.");
            }
            if (added.isEmpty() && removed.isEmpty()) {
                return new Iteration(cycles, "Cycle " + number + " changed no outcome, so a further cycle would change nothing.");
            }
            previous = rerun;
            scenario = adjusted;
            forecast = next;
        }
        return new Iteration(cycles, "Stopped after " + maxCycles + (maxCycles == 1 ? " cycle" : " cycles")
                + ", the limit; Optimize outcomes still apply.");
    }

    private Evaluation rerun(KieBase kieBase, Scenario adjusted, Evaluation previous, Forecast forecast) {
        List<Object> facts = new ArrayList<>(previous.inPhase(Phase.PHASE_1));
        facts.add(forecast);
        SessionRunner.PhaseHook hook = (phase, nodes) -> phase == Phase.PHASE_4
                ? List.of(estimator.estimate(adjusted, forecast, nodes))
                : List.of();
        return runner.run(kieBase, adjusted, RERUN, facts, hook, null);
    }

    /**
     * Multiplies the token price by what routing, caching and small models leave, once each, except for a
     * technique that the forecast already includes.
     */
    private BigDecimal priceFactor(Scenario scenario, Forecast forecast, Set<String> reached, Set<String> applied,
                                   List<Adjustment> adjustments) {
        BigDecimal factor = BigDecimal.ONE;
        List<String> parts = new ArrayList<>();
        for (String technique : PRICE_TECHNIQUES) {
            SavingsTable.Range range = table.saving(technique).orElse(null);
            if (range != null && reached.contains(technique) && estimator.alreadyCounted(scenario, forecast, technique).isEmpty()
                    && applied.add(technique)) {
                factor = factor.multiply(BigDecimal.ONE.subtract(range.low()));
                parts.add(technique + " -" + RuleText.share(range.low()));
            }
        }
        SavingsTable.Range upgrade = table.extraCost("Optimize2").orElse(null);
        if (upgrade != null && reached.contains("Optimize2") && applied.add("Optimize2")) {
            factor = factor.multiply(BigDecimal.ONE.add(upgrade.low()));
            parts.add("Optimize2 +" + RuleText.share(upgrade.low()));
        }
        if (!parts.isEmpty()) {
            adjustments.add(new Adjustment("token price", "x 1", "x " + factor.setScale(4, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString(),
                    String.join(", ", parts)));
        }
        return factor;
    }

    private Scenario adjustWorkload(Scenario scenario, Set<String> reached, Set<String> applied, List<Adjustment> adjustments) {
        SavingsTable.Range range = table.saving("TokenOpt").orElse(null);
        if (range == null || !reached.contains("TokenOpt") || !applied.add("TokenOpt")) {
            return scenario;
        }
        Workload workload = scenario.getWorkload();
        long tokens = BigDecimal.valueOf(workload.getTokensPerMonth()).multiply(BigDecimal.ONE.subtract(range.low()))
                .setScale(0, RoundingMode.HALF_UP).longValueExact();
        adjustments.add(new Adjustment("workload.tokensPerMonth", RuleText.count(workload.getTokensPerMonth()), RuleText.count(tokens),
                "TokenOpt -" + RuleText.share(range.low())));
        Workload next = new Workload(workload.getDataSensitivity(), workload.getBusinessDriver(), workload.getLatencyTargetMs(),
                workload.getImpact(), tokens, workload.getPattern(), workload.isQueryMixGiven() ? workload.getQueryMix() : null);
        return scenario.toBuilder().workload(next).build();
    }

    /**
     * Shrinks the fleet by its GPU band's saving, applied once, and never below the GPUs the utilisation target
     * needs. With Optimize4, it also consolidates the fleet towards that target. When no whole GPU can go, it
     * adds an adjustment that changes nothing and gives the reason.
     */
    private Scenario adjustFleet(Scenario scenario, Set<String> reached, Set<String> applied, BigDecimal target,
                                 List<Adjustment> adjustments) {
        GpuFleet fleet = scenario.getGpuFleet();
        if (fleet == null) {
            return scenario;
        }
        BigDecimal gpus = BigDecimal.valueOf(fleet.getGpus());
        BigDecimal busyGpus = gpus.multiply(fleet.getUtilizationPercent()).divide(BigDecimal.valueOf(100), 6, RoundingMode.HALF_UP);
        long floor = target == null ? 1 : Math.max(1, busyGpus.multiply(BigDecimal.valueOf(100)).divide(target, 0, RoundingMode.CEILING).longValue());
        long next = fleet.getGpus();
        String reason = null;
        for (String band : List.of("LowUtil", "MedUtil")) {
            SavingsTable.Range range = table.saving(band).orElse(null);
            if (range != null && reached.contains(band) && applied.add(band)) {
                next = gpus.multiply(BigDecimal.ONE.subtract(range.low())).setScale(0, RoundingMode.CEILING).longValue();
                reason = band + " -" + RuleText.share(range.low());
            }
        }
        if (reached.contains("Optimize4") && target != null && (floor < next || reason == null)) {
            next = Math.min(next, floor);
            reason = (reason == null ? "" : reason + ", ") + "Optimize4 consolidates towards " + RuleText.percent(target) + " utilisation";
        }
        if (reason == null) {
            return scenario;
        }
        String workNeeds = target == null ? "" : "the work needs " + RuleText.gpus(floor) + " at " + RuleText.percent(target) + " utilisation";
        if (next < floor) {
            next = floor;
            if (target != null && next < fleet.getGpus()) {
                reason = reason + ", but " + workNeeds;
            }
        }
        if (next >= fleet.getGpus()) {
            // Said rather than left out, so the cycle's forecast is not read as having dropped the band's saving.
            String why = target != null && floor >= fleet.getGpus()
                    ? ", since " + workNeeds
                    : ", since the saving is less than one GPU";
            adjustments.add(new Adjustment("gpuFleet.gpus", RuleText.count(fleet.getGpus()), RuleText.count(fleet.getGpus()),
                    reason + ": no GPU can go" + why));
            return scenario;
        }
        // The band's share rarely gives whole GPUs, so the reason also states the cut that was made.
        BigDecimal cut = gpus.subtract(BigDecimal.valueOf(next)).divide(gpus, 4, RoundingMode.HALF_UP);
        reason = reason + ": " + RuleText.count(next) + " of " + RuleText.gpus(fleet.getGpus()) + ", -" + RuleText.share(cut);
        BigDecimal utilization = busyGpus.multiply(BigDecimal.valueOf(100)).divide(BigDecimal.valueOf(next), 2, RoundingMode.HALF_UP)
                .min(BigDecimal.valueOf(100));
        adjustments.add(new Adjustment("gpuFleet.gpus", RuleText.count(fleet.getGpus()), RuleText.count(next), reason));
        adjustments.add(new Adjustment("gpuFleet.utilizationPercent", RuleText.percent(fleet.getUtilizationPercent()),
                RuleText.percent(utilization), "the same work on fewer GPUs"));
        return scenario.toBuilder()
                .gpuFleet(new GpuFleet((int) next, utilization, fleet.getHourlyCostUsd(), fleet.getGpuType()))
                .build();
    }

    /**
     * Scales the measured figures that depend on spend: cost per million tokens by the token price factor, and
     * spend this month and ROI by the change in the monthly forecast. Each stays within its range in
     * {@link Limits}, so a forecast that drops to almost nothing caps ROI rather than failing.
     */
    private static Scenario adjustMetrics(Scenario scenario, BigDecimal priceFactor, BigDecimal before, BigDecimal after,
                                          List<Adjustment> adjustments) {
        Metrics metrics = scenario.getMetrics();
        BigDecimal cost = metrics.getCostPerMillionTokensUsd();
        if (cost != null && priceFactor.compareTo(BigDecimal.ONE) != 0) {
            BigDecimal next = cost.multiply(priceFactor).setScale(4, RoundingMode.HALF_UP).min(Limits.MAX_COST_PER_MILLION_TOKENS_USD);
            adjustments.add(new Adjustment("metrics.costPerMillionTokensUsd", RuleText.usd(cost), RuleText.usd(next), "the token price change"));
            cost = next;
        }
        BigDecimal roi = metrics.getRoi();
        BigDecimal spent = scenario.getBudget().getSpentThisMonthUsd();
        if (before.signum() > 0 && after.compareTo(before) != 0) {
            BigDecimal ratio = after.divide(before, 10, RoundingMode.HALF_UP);
            if (roi != null && after.signum() > 0) {
                BigDecimal next = roi.multiply(before).divide(after, 2, RoundingMode.HALF_UP).min(Limits.MAX_ROI);
                // A change too small to show at two decimals is left out rather than listed as 2.99 -> 2.99.
                if (next.compareTo(roi) != 0) {
                    adjustments.add(new Adjustment("metrics.roi", RuleText.number(roi), RuleText.number(next),
                            "the same business value for a forecast of " + RuleText.usd(after) + " instead of " + RuleText.usd(before)));
                }
                roi = next;
            }
            if (spent != null) {
                BigDecimal next = spent.multiply(ratio).setScale(2, RoundingMode.HALF_UP).min(Limits.MAX_USD);
                if (next.compareTo(spent) != 0) {
                    adjustments.add(new Adjustment("budget.spentThisMonthUsd", RuleText.usd(spent), RuleText.usd(next),
                            "spend scaled with the forecast"));
                }
                spent = next;
            }
        }
        Scenario.Builder builder = scenario.toBuilder()
                .metrics(new Metrics(cost, metrics.getTargetCostPerMillionTokensUsd(), metrics.getLatencyP95Ms(), roi, metrics.getCacheHitRate()));
        if (spent != null) {
            builder.budget(new dev.aicostadvisor.model.Budget(scenario.getBudget().getMonthlyUsd(), spent));
        }
        return builder.build();
    }

    private static boolean hasOptimize(Evaluation evaluation) {
        return evaluation.nodes().stream().anyMatch(OPTIMIZE::contains);
    }

    /** Reads the GPU utilisation target from the rules, where it lives, or returns {@code null} when absent. */
    private static BigDecimal utilizationTarget(KieBase kieBase) {
        try {
            FactType type = kieBase.getFactType("success", "SuccessTargets");
            if (type == null) {
                return null;
            }
            Object value = type.get(type.newInstance(), "gpuUtilizationTargetPercent");
            return value instanceof BigDecimal target ? target : null;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }
}
