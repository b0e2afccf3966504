package dev.aicostadvisor.report;

import dev.aicostadvisor.Evaluation;
import dev.aicostadvisor.forecast.Adjustment;
import dev.aicostadvisor.forecast.BreakEven;
import dev.aicostadvisor.forecast.ClassCost;
import dev.aicostadvisor.forecast.Cycle;
import dev.aicostadvisor.forecast.Forecast;
import dev.aicostadvisor.forecast.GpuCost;
import dev.aicostadvisor.forecast.ProjectedWeek;
import dev.aicostadvisor.forecast.SavingsEstimate;
import dev.aicostadvisor.forecast.CountedSaving;
import dev.aicostadvisor.forecast.TechniqueSaving;
import dev.aicostadvisor.forecast.VarianceWeek;
import dev.aicostadvisor.rules.RuleText;

/** Writes the forecast part of a report as Markdown tables. Amounts are USD. */
final class ForecastMarkdown {

    private ForecastMarkdown() {
    }

    static void render(StringBuilder out, Evaluation evaluation) {
        Forecast forecast = evaluation.forecast();
        if (forecast == null) {
            return;
        }
        out.append("\n## Cost forecast\n\n| Part | Detail | USD a month |\n| --- | --- | ---: |\n");
        for (ClassCost cost : forecast.getClassCosts()) {
            out.append("| ").append(cost.sizeClass().key()).append(" | `").append(cost.price().id()).append("`, ")
                    .append(RuleText.share(cost.share())).append(" of queries, ").append(RuleText.count(cost.tokens()))
                    .append(" tokens | ").append(ForecastText.money(cost.monthlyUsd())).append(" |\n");
        }
        out.append("| token spend | ").append(forecast.getBlendedPerMillionUsd() == null ? "no tokens"
                : RuleText.usd(forecast.getBlendedPerMillionUsd()) + " per million tokens").append(" | ")
                .append(ForecastText.money(forecast.getTokenSpendUsd())).append(" |\n");
        GpuCost gpu = forecast.getGpu();
        if (gpu != null) {
            out.append("| GPU fleet | ").append(RuleText.gpus(gpu.gpus())).append(" x ").append(RuleText.usd(gpu.hourlyUsd()))
                    .append(" an hour; idle share ").append(ForecastText.money(gpu.idleUsd())).append(" | ")
                    .append(ForecastText.money(gpu.monthlyUsd())).append(" |\n");
        }
        out.append("| **total** | this month | **").append(ForecastText.money(forecast.getTotalMonthlyUsd())).append("** |\n");

        SavingsEstimate savings = evaluation.savings();
        if (savings != null && !(savings.getSavings().isEmpty() && savings.getExtraCosts().isEmpty()
                && savings.getAlreadyCounted().isEmpty())) {
            out.append("\n### Expected savings\n\n| Node | Range | Applies to | USD a month | Basis |\n| --- | --- | --- | ---: | --- |\n");
            for (TechniqueSaving saving : savings.getSavings()) {
                row(out, saving, "");
            }
            for (TechniqueSaving extra : savings.getExtraCosts()) {
                row(out, extra, "+");
            }
            for (CountedSaving counted : savings.getAlreadyCounted()) {
                out.append("| `").append(counted.node()).append("` | in the forecast | | | ")
                        .append(ForecastText.capitalised(counted.reason())).append(" |\n");
            }
            String combined = ForecastText.combinedSentence(savings);
            out.append('\n').append(combined == null ? "" : combined + " ").append("After all of them: ").append(ForecastText.money(savings.getMonthlyAfterBestUsd())).append(" to ")
                    .append(ForecastText.money(savings.getMonthlyAfterWorstUsd())).append(" USD a month.\n");
        }

        out.append("\n### ").append(forecast.getProjection().size()).append("-week projection at ")
                .append(RuleText.percent(forecast.getWeeklyGrowthPercent())).append(" weekly growth\n\n")
                .append("| Week | Monthly rate | Week's spend |\n| ---: | ---: | ---: |\n");
        for (ProjectedWeek week : forecast.getProjection()) {
            out.append("| ").append(week.week()).append(" | ").append(ForecastText.money(week.monthlyRateUsd())).append(" | ")
                    .append(ForecastText.money(week.spendUsd())).append(" |\n");
        }
        if (!forecast.getVariance().isEmpty()) {
            out.append("\n### Past forecasts\n\n| Week | Forecast | Actual | Variance |\n| --- | ---: | ---: | ---: |\n");
            for (VarianceWeek week : forecast.getVariance()) {
                out.append("| ").append(week.week()).append(" | ").append(ForecastText.money(week.forecastUsd())).append(" | ")
                        .append(ForecastText.money(week.actualUsd())).append(" | ").append(RuleText.signedPercent(week.variancePercent()))
                        .append(" |\n");
            }
        }
        BreakEven breakEven = forecast.getBreakEven();
        if (breakEven != null) {
            out.append("\n### Provisioned throughput break-even\n\n`").append(breakEven.unit().id()).append("`: ")
                    .append(breakEven.unit().minimumUnits()).append(" ").append(breakEven.unit().unit()).append(" cost ")
                    .append(ForecastText.money(breakEven.minimumMonthlyUsd())).append(" USD a month; on-demand `")
                    .append(breakEven.model().id()).append("` breaks even at ").append(RuleText.count(breakEven.breakEvenTokens()))
                    .append(" tokens a month (capacity ").append(RuleText.count(breakEven.capacityTokens())).append("). ");
            if (breakEven.servesScenarioModel()) {
                out.append("This workload: ").append(RuleText.count(breakEven.workloadTokens())).append(" tokens a month, so ");
            } else {
                out.append("The scenario's models have no provisioned unit, so this workload's ")
                        .append(RuleText.count(breakEven.workloadTokens())).append(" tokens a month would move to `")
                        .append(breakEven.model().id()).append("`: ").append(RuleText.count(breakEven.workloadUnits())).append(" ")
                        .append(breakEven.unit().unit()).append(" cost ").append(ForecastText.money(breakEven.workloadProvisionedUsd()))
                        .append(" USD a month against a forecast token spend of ")
                        .append(ForecastText.money(breakEven.workloadTokenSpendUsd())).append(" USD, so ");
            }
            out.append(breakEven.provisionedPaysOff() ? "provisioned throughput costs less" : "stay on-demand").append(".");
            String volumeOutcome = ForecastText.volumeOutcomeNote(breakEven, evaluation);
            out.append(volumeOutcome.isEmpty() ? "" : " " + volumeOutcome).append('\n');
        }
        if (evaluation.iteration() != null) {
            out.append("\n### Next cycle\n\n");
            for (Cycle cycle : evaluation.iteration().cycles()) {
                out.append("- **Cycle ").append(cycle.number()).append("**: forecast ")
                        .append(ForecastText.money(cycle.forecastMonthlyUsd())).append(" USD a month. ");
                for (Adjustment adjustment : cycle.adjustments()) {
                    out.append("`").append(adjustment.field()).append("` ").append(adjustment.before()).append(" → ")
                            .append(adjustment.after()).append(" (").append(adjustment.reason()).append("); ");
                }
                out.append("outcomes: ").append(ForecastText.changes(cycle)).append('\n');
            }
            out.append(evaluation.iteration().cycles().isEmpty() ? "" : "\n").append(evaluation.iteration().stopReason()).append('\n');
        }
        out.append("\n### Assumptions\n\n");
        for (String assumption : forecast.getAssumptions()) {
            out.append("- ").append(MarkdownReport.escape(assumption)).append('\n');
        }
    }

    private static void row(StringBuilder out, TechniqueSaving saving, String sign) {
        out.append("| `").append(saving.node()).append("` | ").append(sign).append(ForecastText.range(saving.low(), saving.high()))
                .append(" | ").append(ForecastText.baseName(saving.base())).append(" | ").append(sign)
                .append(ForecastText.money(saving.lowUsd())).append(" - ").append(ForecastText.money(saving.highUsd()))
                .append(" | ").append(saving.basis()).append(" |\n");
    }
}
