package dev.aicostadvisor.report;

import java.util.Locale;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.aicostadvisor.forecast.Adjustment;
import dev.aicostadvisor.forecast.BreakEven;
import dev.aicostadvisor.forecast.CapacityPlan;
import dev.aicostadvisor.forecast.ClassCost;
import dev.aicostadvisor.forecast.Cycle;
import dev.aicostadvisor.forecast.Forecast;
import dev.aicostadvisor.forecast.GpuCost;
import dev.aicostadvisor.forecast.Iteration;
import dev.aicostadvisor.forecast.ProjectedWeek;
import dev.aicostadvisor.forecast.SavingsEstimate;
import dev.aicostadvisor.forecast.TechniqueSaving;
import dev.aicostadvisor.forecast.VarianceWeek;
import dev.aicostadvisor.pricing.ModelPrice;
import dev.aicostadvisor.pricing.PriceSource;

/**
 * Writes the forecast, the savings estimate and the iterate loop into the JSON report. Amounts are numbers in
 * USD with two decimals; shares are numbers from 0 to 1; percentages say so in their name.
 */
final class ForecastJson {

    private ForecastJson() {
    }

    static void put(ObjectNode root, Forecast forecast, SavingsEstimate savings, Iteration iteration) {
        if (forecast == null) {
            return;
        }
        ObjectNode node = root.putObject("forecast");
        node.put("monthlyUsd", forecast.getTotalMonthlyUsd());
        node.put("tokenSpendUsd", forecast.getTokenSpendUsd());
        node.put("tokensPerMonth", forecast.getTokensPerMonth());
        node.put("blendedPerMillionUsd", forecast.getBlendedPerMillionUsd());
        node.put("inputTokenShare", forecast.getInputTokenShare());
        node.put("cacheHitRate", forecast.getCacheHitRate());
        node.put("batchShare", forecast.getBatchShare());
        ArrayNode classes = node.putArray("classes");
        for (ClassCost cost : forecast.getClassCosts()) {
            ObjectNode item = classes.addObject();
            item.put("sizeClass", cost.sizeClass().key());
            item.put("model", cost.price().id());
            item.put("defaultModel", cost.defaultModel());
            item.put("share", cost.share());
            item.put("tokens", cost.tokens());
            item.put("monthlyUsd", cost.monthlyUsd());
            putPrices(item.putObject("prices"), cost.price());
        }
        GpuCost gpu = forecast.getGpu();
        if (gpu != null) {
            ObjectNode item = node.putObject("gpuFleet");
            item.put("gpus", gpu.gpus());
            item.put("hourlyUsd", gpu.hourlyUsd());
            item.put("monthlyUsd", gpu.monthlyUsd());
            item.put("utilizationPercent", gpu.utilizationPercent());
            item.put("idleUsd", gpu.idleUsd());
        }
        node.put("weeklyGrowthPercent", forecast.getWeeklyGrowthPercent());
        ArrayNode projection = node.putArray("projection");
        for (ProjectedWeek week : forecast.getProjection()) {
            ObjectNode item = projection.addObject();
            item.put("week", week.week());
            item.put("monthlyRateUsd", week.monthlyRateUsd());
            item.put("spendUsd", week.spendUsd());
        }
        ArrayNode variance = node.putArray("variance");
        for (VarianceWeek week : forecast.getVariance()) {
            ObjectNode item = variance.addObject();
            item.put("week", week.week().toString());
            item.put("forecastUsd", week.forecastUsd());
            item.put("actualUsd", week.actualUsd());
            item.put("variancePercent", week.variancePercent());
        }
        putBreakEven(node, forecast.getBreakEven());
        putSavings(node, savings);
        ArrayNode assumptions = node.putArray("assumptions");
        forecast.getAssumptions().forEach(assumptions::add);
        putIteration(root, iteration);
    }

    private static void putPrices(ObjectNode prices, ModelPrice price) {
        prices.put("provider", price.provider());
        prices.put("inputPerMillionUsd", price.inputPerMillionUsd());
        prices.put("outputPerMillionUsd", price.outputPerMillionUsd());
        prices.put("cachedInputPerMillionUsd", price.cachedInputPerMillionUsd());
        prices.put("batchInputPerMillionUsd", price.batchInputPerMillionUsd());
        prices.put("batchOutputPerMillionUsd", price.batchOutputPerMillionUsd());
        prices.put("source", price.source().title());
        // The field's name says what the date is: "asOf" for a read date, "fileDated" for an imported file's date.
        String dateField = price.source().dateKind() == PriceSource.DateKind.READ ? "asOf" : "fileDated";
        prices.put(dateField, price.source().date().toString());
    }

    private static void putBreakEven(ObjectNode node, BreakEven breakEven) {
        if (breakEven == null) {
            return;
        }
        ObjectNode item = node.putObject("breakEven");
        item.put("unit", breakEven.unit().id());
        item.put("model", breakEven.model().id());
        item.put("onDemandPerMillionUsd", breakEven.onDemandPerMillionUsd());
        item.put("minimumUnits", breakEven.unit().minimumUnits());
        item.put("minimumMonthlyUsd", breakEven.minimumMonthlyUsd());
        item.put("breakEvenTokensPerMonth", breakEven.breakEvenTokens());
        item.put("capacityTokensPerMonth", breakEven.capacityTokens());
        item.put("workloadTokensPerMonth", breakEven.workloadTokens());
        item.put("workloadTokenSpendUsd", breakEven.workloadTokenSpendUsd());
        item.put("workloadUnits", breakEven.workloadUnits());
        item.put("workloadProvisionedUsd", breakEven.workloadProvisionedUsd());
        item.put("servesScenarioModel", breakEven.servesScenarioModel());
        item.put("provisionedPaysOff", breakEven.provisionedPaysOff());
        item.put("source", breakEven.unit().source().toString());
    }

    private static void putSavings(ObjectNode node, SavingsEstimate estimate) {
        if (estimate == null) {
            return;
        }
        ObjectNode item = node.putObject("savings");
        ArrayNode techniques = item.putArray("techniques");
        estimate.getSavings().forEach(saving -> putRange(techniques.addObject(), saving));
        ArrayNode extras = item.putArray("extraCosts");
        estimate.getExtraCosts().forEach(extra -> putRange(extras.addObject(), extra));
        ArrayNode counted = item.putArray("alreadyInForecast");
        estimate.getAlreadyCounted().forEach(saving -> counted.addObject().put("node", saving.node()).put("reason", saving.reason()));
        item.put("tokenSavingLow", estimate.getTokenSavingLow());
        item.put("tokenSavingHigh", estimate.getTokenSavingHigh());
        item.put("gpuSavingLow", estimate.getGpuSavingLow());
        item.put("gpuSavingHigh", estimate.getGpuSavingHigh());
        item.put("extraCostLow", estimate.getExtraCostLow());
        item.put("extraCostHigh", estimate.getExtraCostHigh());
        item.put("monthlyBeforeUsd", estimate.getMonthlyBeforeUsd());
        item.put("monthlyAfterBestUsd", estimate.getMonthlyAfterBestUsd());
        item.put("monthlyAfterWorstUsd", estimate.getMonthlyAfterWorstUsd());
        CapacityPlan plan = estimate.getCapacityPlan();
        if (plan != null) {
            ObjectNode planNode = item.putObject("capacityPlan");
            planNode.put("gpuType", plan.gpu().id());
            planNode.put("pattern", plan.mix().node());
            planNode.put("reservedShare", plan.mix().reserved());
            planNode.put("spotShare", plan.mix().spot());
            planNode.put("onDemandShare", plan.mix().onDemand());
            planNode.put("hourlyUsd", plan.hourlyUsd());
            planNode.put("monthlyUsd", plan.monthlyUsd());
            planNode.put("currentMonthlyUsd", plan.currentUsd());
            ArrayNode substituted = planNode.putArray("pricedOnDemandInstead");
            plan.substituted().forEach(substituted::add);
        }
    }

    private static void putRange(ObjectNode item, TechniqueSaving saving) {
        item.put("node", saving.node());
        item.put("appliesTo", saving.base().name().toLowerCase(Locale.ROOT));
        item.put("low", saving.low());
        item.put("high", saving.high());
        item.put("lowUsd", saving.lowUsd());
        item.put("highUsd", saving.highUsd());
        item.put("basis", saving.basis());
    }

    private static void putIteration(ObjectNode root, Iteration iteration) {
        if (iteration == null) {
            return;
        }
        ObjectNode node = root.putObject("iteration");
        ArrayNode cycles = node.putArray("cycles");
        for (Cycle cycle : iteration.cycles()) {
            ObjectNode item = cycles.addObject();
            item.put("cycle", cycle.number());
            item.put("forecastMonthlyUsd", cycle.forecastMonthlyUsd());
            ArrayNode adjustments = item.putArray("adjustments");
            for (Adjustment adjustment : cycle.adjustments()) {
                ObjectNode entry = adjustments.addObject();
                entry.put("field", adjustment.field());
                entry.put("before", adjustment.before());
                entry.put("after", adjustment.after());
                entry.put("reason", adjustment.reason());
            }
            ArrayNode added = item.putArray("added");
            cycle.added().forEach(added::add);
            ArrayNode removed = item.putArray("removed");
            cycle.removed().forEach(removed::add);
            ArrayNode nodes = item.putArray("nodes");
            cycle.nodes().forEach(nodes::add);
        }
        node.put("stopReason", iteration.stopReason());
    }
}
