package dev.aicostadvisor.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.aicostadvisor.Evaluation;
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
import dev.aicostadvisor.forecast.CountedSaving;
import dev.aicostadvisor.forecast.TechniqueSaving;
import dev.aicostadvisor.forecast.VarianceWeek;
import dev.aicostadvisor.pricing.SavingsTable.CostBase;
import dev.aicostadvisor.rules.RuleText;

/**
 * Writes the forecast part of a report as plain text: the monthly forecast, the savings ranges, the 13-week
 * projection, the variance of past forecasts, the provisioned throughput break-even, the iterate loop's
 * cycles and the assumptions behind the figures. Amounts are USD.
 */
final class ForecastText {

    private ForecastText() {
    }

    static void render(StringBuilder out, Evaluation evaluation) {
        Forecast forecast = evaluation.forecast();
        if (forecast == null) {
            return;
        }
        BigDecimal budget = evaluation.scenario().getBudget().getMonthlyUsd();
        monthly(out, forecast);
        savings(out, evaluation.savings());
        projection(out, forecast, budget);
        variance(out, forecast);
        breakEven(out, forecast.getBreakEven(), evaluation);
        iteration(out, evaluation.iteration());
        out.append("\nAssumptions\n");
        for (String assumption : forecast.getAssumptions()) {
            TextReport.wrap(out, assumption, "  - ", "    ");
        }
    }

    private static void monthly(StringBuilder out, Forecast forecast) {
        out.append("\nCost forecast, USD a month\n");
        List<String[]> rows = new ArrayList<>();
        for (ClassCost cost : forecast.getClassCosts()) {
            rows.add(new String[] {String.format("  %-7s %-22s %4s of queries, %s tokens", capitalised(cost.sizeClass().key()),
                    cost.price().id(), RuleText.share(cost.share()), RuleText.count(cost.tokens())), money(cost.monthlyUsd())});
        }
        String blended = forecast.getBlendedPerMillionUsd() == null ? ""
                : " (" + RuleText.usd(forecast.getBlendedPerMillionUsd()) + " per million tokens)";
        rows.add(new String[] {"  Token spend" + blended, money(forecast.getTokenSpendUsd())});
        GpuCost gpu = forecast.getGpu();
        if (gpu != null) {
            rows.add(new String[] {"  GPU fleet: " + RuleText.gpus(gpu.gpus()) + " x " + RuleText.usd(gpu.hourlyUsd()) + " an hour",
                    money(gpu.monthlyUsd())});
            rows.add(new String[] {"    of which idle at " + RuleText.percent(gpu.utilizationPercent()) + " utilisation", money(gpu.idleUsd())});
        }
        rows.add(new String[] {"  Total this month", money(forecast.getTotalMonthlyUsd())});
        rows(out, rows);
    }

    private static void savings(StringBuilder out, SavingsEstimate estimate) {
        if (estimate == null || estimate.getSavings().isEmpty() && estimate.getExtraCosts().isEmpty()
                && estimate.getAlreadyCounted().isEmpty()) {
            return;
        }
        out.append("\nExpected savings, each on its own, USD a month\n");
        List<String[]> rows = new ArrayList<>();
        for (TechniqueSaving saving : estimate.getSavings()) {
            rows.add(new String[] {String.format("  %-11s %s of %s", saving.node(), range(saving.low(), saving.high()), baseName(saving.base())),
                    money(saving.lowUsd()) + " - " + money(saving.highUsd())});
        }
        for (TechniqueSaving extra : estimate.getExtraCosts()) {
            rows.add(new String[] {String.format("  %-11s +%s on %s", extra.node(), range(extra.low(), extra.high()), baseName(extra.base())),
                    "+" + money(extra.lowUsd()) + " to +" + money(extra.highUsd())});
        }
        rows(out, rows);
        for (CountedSaving counted : estimate.getAlreadyCounted()) {
            TextReport.wrap(out, counted.node() + " is not counted: " + counted.reason(), "  ", "    ");
        }
        String combined = combinedSentence(estimate);
        if (combined != null) {
            TextReport.wrap(out, combined, "  ", "  ");
        }
        TextReport.wrap(out, "After all of them: " + money(estimate.getMonthlyAfterBestUsd()) + " to " + money(estimate.getMonthlyAfterWorstUsd())
                + " a month, from " + money(estimate.getMonthlyBeforeUsd()) + ". The ranges are the flowchart's figures and overlap, "
                + "so the high end is optimistic.", "  ", "  ");
        CapacityPlan plan = estimate.getCapacityPlan();
        if (plan != null) {
            TextReport.wrap(out, "GPU capacity plan: the fleet on the " + plan.mix().node() + " mix (" + RuleText.share(plan.mix().reserved())
                    + " reserved, " + RuleText.share(plan.mix().spot()) + " spot, " + RuleText.share(plan.mix().onDemand()) + " on-demand) at "
                    + plan.gpu().id() + " prices costs " + money(plan.monthlyUsd()) + " a month, against " + money(plan.currentUsd()) + " today"
                    + (plan.substituted().isEmpty() ? "." : "; the catalogue has no " + String.join(" or ", plan.substituted())
                    + " price for it, so those hours are priced on-demand."), "  ", "  ");
        }
    }

    private static void projection(StringBuilder out, Forecast forecast, BigDecimal budget) {
        out.append("\n").append(forecast.getProjection().size()).append("-week projection at ")
                .append(RuleText.percent(forecast.getWeeklyGrowthPercent())).append(" weekly growth\n");
        List<ProjectedWeek> weeks = forecast.getProjection();
        boolean flat = weeks.stream().allMatch(week -> week.monthlyRateUsd().compareTo(weeks.get(0).monthlyRateUsd()) == 0);
        if (flat) {
            ProjectedWeek week = weeks.get(0);
            out.append("  Every week: a monthly rate of ").append(money(week.monthlyRateUsd())).append(", ")
                    .append(money(week.spendUsd())).append(" a week, ").append(shareOf(week, budget)).append(" of the budget\n");
            return;
        }
        int rateWidth = columnWidth(15, weeks.stream().map(week -> money(week.monthlyRateUsd())).toList());
        int spendWidth = columnWidth(17, weeks.stream().map(week -> money(week.spendUsd())).toList());
        int shareWidth = columnWidth(11, weeks.stream().map(week -> shareOf(week, budget)).toList());
        out.append("  week").append(" ".repeat(rateWidth - 15)).append("   monthly rate")
                .append(" ".repeat(spendWidth - 17)).append("      week's spend")
                .append(" ".repeat(shareWidth - 11)).append("   of budget\n");
        for (ProjectedWeek week : weeks) {
            out.append(String.format("  %4d %" + rateWidth + "s %" + spendWidth + "s %" + shareWidth + "s%n", week.week(),
                    money(week.monthlyRateUsd()), money(week.spendUsd()), shareOf(week, budget)));
        }
    }

    /**
     * Returns a right-aligned column's width: its usual width, or more when a value needs it, so that at least
     * two spaces separate the value from the column before it.
     */
    private static int columnWidth(int usual, List<String> values) {
        int widest = values.stream().mapToInt(String::length).max().orElse(0);
        return Math.max(usual, widest + 1);
    }

    private static String shareOf(ProjectedWeek week, BigDecimal budget) {
        return budget.signum() == 0 ? "-"
                : String.format(Locale.ROOT, "%,.1f%%", week.monthlyRateUsd().multiply(new BigDecimal("100")).divide(budget, 1, RoundingMode.HALF_UP));
    }

    private static void variance(StringBuilder out, Forecast forecast) {
        if (forecast.getVariance().isEmpty()) {
            return;
        }
        out.append("\nPast forecasts against actual spend\n");
        List<VarianceWeek> weeks = forecast.getVariance();
        int forecastWidth = columnWidth(15, weeks.stream().map(week -> money(week.forecastUsd())).toList());
        int actualWidth = columnWidth(15, weeks.stream().map(week -> money(week.actualUsd())).toList());
        int varianceWidth = columnWidth(10, weeks.stream().map(week -> RuleText.signedPercent(week.variancePercent())).toList());
        out.append("  week      ").append(" ".repeat(forecastWidth - 15)).append("        forecast")
                .append(" ".repeat(actualWidth - 15)).append("          actual")
                .append(" ".repeat(varianceWidth - 10)).append("   variance\n");
        for (VarianceWeek week : weeks) {
            out.append(String.format("  %-10s %" + forecastWidth + "s %" + actualWidth + "s %" + varianceWidth + "s%n", week.week(),
                    money(week.forecastUsd()), money(week.actualUsd()), RuleText.signedPercent(week.variancePercent())));
        }
    }

    private static void breakEven(StringBuilder out, BreakEven breakEven, Evaluation evaluation) {
        if (breakEven == null) {
            return;
        }
        out.append("\nProvisioned throughput break-even\n");
        String model = breakEven.model().id();
        String verdict = breakEven.servesScenarioModel() ? verdictOnScenarioModel(breakEven) : verdictOnOtherModel(breakEven);
        String volumeOutcome = volumeOutcomeNote(breakEven, evaluation);
        TextReport.wrap(out, breakEven.unit().id() + ": the smallest deployment, " + breakEven.unit().minimumUnits() + " " + breakEven.unit().unit()
                + ", costs " + money(breakEven.minimumMonthlyUsd()) + " a month and serves up to " + RuleText.count(breakEven.capacityTokens())
                + " tokens a month. On-demand " + model + " costs " + RuleText.usd(breakEven.onDemandPerMillionUsd())
                + " per million tokens at this input/output split, so against it provisioned throughput breaks even at "
                + RuleText.count(breakEven.breakEvenTokens()) + " tokens a month. " + verdict
                + (volumeOutcome.isEmpty() ? "" : " " + volumeOutcome), "  ", "  ");
    }

    private static String verdictOnScenarioModel(BreakEven breakEven) {
        if (!breakEven.reachable()) {
            return "The smallest deployment serves at most " + RuleText.count(breakEven.capacityTokens())
                    + " tokens a month, less than the break-even volume, so it never pays off for this token mix.";
        }
        if (breakEven.provisionedPaysOff()) {
            return "This workload's " + RuleText.count(breakEven.workloadTokens()) + " tokens a month are past it: provisioned throughput costs less.";
        }
        return "This workload's " + RuleText.count(breakEven.workloadTokens()) + " tokens a month are "
                + percentOf(breakEven.workloadTokens(), breakEven.breakEvenTokens()) + " of it: stay on-demand.";
    }

    /** Compares the deployment that would serve the whole workload with the workload's own forecast token spend. */
    private static String verdictOnOtherModel(BreakEven breakEven) {
        String model = breakEven.model().id();
        return "The scenario's models have no provisioned unit in the catalogue, so the workload would have to move to "
                + model + ". Its " + RuleText.count(breakEven.workloadTokens()) + " tokens a month need "
                + RuleText.count(breakEven.workloadUnits()) + " " + breakEven.unit().unit() + ", which cost "
                + money(breakEven.workloadProvisionedUsd()) + " a month, against a forecast token spend of "
                + money(breakEven.workloadTokenSpendUsd()) + " on its own models"
                + (breakEven.provisionedPaysOff()
                ? ": provisioned " + model + " costs less, if it answers these queries as well as the scenario's models."
                : ": stay on-demand.");
    }

    /**
     * Says where the cost comparison and Phase 2's token volume outcome (Q5) disagree, because Q5 decides on the
     * token volume alone. Returns an empty text when they agree or Q5 reached Mixed.
     */
    static String volumeOutcomeNote(BreakEven breakEven, Evaluation evaluation) {
        if (evaluation.reached("Provisioned") && !breakEven.provisionedPaysOff()) {
            return "Phase 2 reached Provisioned on the token volume alone, and this cost comparison does not support it.";
        }
        if (evaluation.reached("OnDemand") && breakEven.provisionedPaysOff()) {
            return "Phase 2 reached OnDemand on the token volume alone, but by this cost comparison provisioned throughput costs less.";
        }
        return "";
    }

    private static void iteration(StringBuilder out, Iteration iteration) {
        if (iteration == null) {
            return;
        }
        out.append("\nNext cycle: iterate and reassess\n");
        for (Cycle cycle : iteration.cycles()) {
            out.append("  Cycle ").append(cycle.number()).append(": forecast ").append(RuleText.usd(cycle.forecastMonthlyUsd()))
                    .append(" a month\n");
            for (Adjustment adjustment : cycle.adjustments()) {
                TextReport.wrap(out, adjustment.field() + ": " + adjustment.before() + " -> " + adjustment.after() + " (" + adjustment.reason() + ")",
                        "    ", "      ");
            }
            TextReport.wrap(out, "Outcomes: " + changes(cycle), "    ", "      ");
        }
        TextReport.wrap(out, iteration.stopReason(), "  ", "  ");
    }

    static String changes(Cycle cycle) {
        if (cycle.added().isEmpty() && cycle.removed().isEmpty()) {
            return "no change.";
        }
        List<String> parts = new ArrayList<>();
        if (!cycle.added().isEmpty()) {
            parts.add("now reached " + String.join(", ", cycle.added()));
        }
        if (!cycle.removed().isEmpty()) {
            parts.add("no longer reached " + String.join(", ", cycle.removed()));
        }
        return String.join("; ", parts) + ".";
    }

    static String range(BigDecimal low, BigDecimal high) {
        String lowText = RuleText.share(low).replace("%", "");
        return low.compareTo(high) == 0 ? RuleText.share(high) : lowText + "-" + RuleText.share(high);
    }

    static String baseName(CostBase base) {
        return base == CostBase.TOKENS ? "token spend" : "GPU fleet";
    }

    private static String percentOf(long part, long whole) {
        if (whole == 0) {
            return "all";
        }
        return BigDecimal.valueOf(part).multiply(new BigDecimal("100")).divide(BigDecimal.valueOf(whole), 2, RoundingMode.HALF_UP)
                .toPlainString() + "%";
    }

    /** Formats an amount with grouping and cents, as the forecast tables show it: "47,929.92". */
    static String money(BigDecimal amount) {
        return String.format(java.util.Locale.ENGLISH, "%,.2f", amount.setScale(2, RoundingMode.HALF_UP));
    }

    /**
     * Writes rows of a label and an amount, the amounts right-aligned at column 78. When a row would leave fewer
     * than two spaces between its label and amount, every amount of the table moves right to make room.
     */
    private static void rows(StringBuilder out, List<String[]> rows) {
        int width = 78;
        for (String[] row : rows) {
            width = Math.max(width, row[0].length() + 2 + row[1].length());
        }
        for (String[] row : rows) {
            out.append(row[0]).append(" ".repeat(width - row[0].length() - row[1].length())).append(row[1]).append('\n');
        }
    }

    /**
     * Describes how the savings combine, with the extra cost of the performance choices, or returns null when
     * no technique saves anything. The text and Markdown reports share it so that their figures agree.
     */
    static String combinedSentence(SavingsEstimate estimate) {
        List<String> combined = new ArrayList<>();
        if (estimate.getTokenSavingHigh().signum() > 0) {
            combined.add(range(estimate.getTokenSavingLow(), estimate.getTokenSavingHigh()) + " of token spend");
        }
        if (estimate.getGpuSavingHigh().signum() > 0) {
            combined.add(range(estimate.getGpuSavingLow(), estimate.getGpuSavingHigh()) + " of the GPU fleet");
        }
        if (combined.isEmpty()) {
            return null;
        }
        return "Combined, by multiplying what each saving leaves rather than adding: " + String.join(" and ", combined)
                + (estimate.getExtraCostHigh().signum() > 0 ? ", before +" + range(estimate.getExtraCostLow(), estimate.getExtraCostHigh())
                + " of extra cost on token spend" : "") + ".";
    }

    static String capitalised(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }
}
