package dev.aicostadvisor.baseline;

import static dev.aicostadvisor.rules.RuleText.count;
import static dev.aicostadvisor.rules.RuleText.gpus;
import static dev.aicostadvisor.rules.RuleText.months;
import static dev.aicostadvisor.rules.RuleText.ms;
import static dev.aicostadvisor.rules.RuleText.number;
import static dev.aicostadvisor.rules.RuleText.percent;
import static dev.aicostadvisor.rules.RuleText.share;
import static dev.aicostadvisor.rules.RuleText.signedPercent;
import static dev.aicostadvisor.rules.RuleText.usd;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import dev.aicostadvisor.Evaluation;
import dev.aicostadvisor.forecast.Forecast;
import dev.aicostadvisor.forecast.Forecaster;
import dev.aicostadvisor.forecast.SavingsEstimator;
import dev.aicostadvisor.forecast.VarianceWeek;
import dev.aicostadvisor.pricing.PricingCatalogue;
import dev.aicostadvisor.pricing.PricingFiles;
import dev.aicostadvisor.pricing.SavingsTable;
import dev.aicostadvisor.model.Budget;
import dev.aicostadvisor.model.GpuFleet;
import dev.aicostadvisor.model.Metrics;
import dev.aicostadvisor.model.Note;
import dev.aicostadvisor.model.NoteKind;
import dev.aicostadvisor.model.Org;
import dev.aicostadvisor.model.QueryMix;
import dev.aicostadvisor.model.Recommendation;
import dev.aicostadvisor.model.Scenario;
import dev.aicostadvisor.model.Workload;

/**
 * The shipped rules' decisions written as plain Java: the same outcomes, rationales, rule names and notes
 * for the same scenario, with no rule engine. It is the baseline that the benchmarks measure the rule
 * engine against, and a test checks that it agrees with the rules on every fixture.
 *
 * <p>It is not a second advisor: its thresholds are the defaults declared in the shipped {@code .drl}
 * files, copied here as constants, so an edited rules folder is not reflected. Its
 * {@link Evaluation#ruleFirings()} counts the outcomes and notes it recorded, not rule firings.
 */
public final class PlainJavaAdvisor {

    // Band thresholds: the default values of the declared types in rules/phase1 to rules/success.
    private static final BigDecimal POC_BELOW_MONTHS = new BigDecimal("3");
    private static final BigDecimal SCALE_ABOVE_MONTHS = new BigDecimal("12");
    private static final BigDecimal SMALL_BELOW_USD = new BigDecimal("10000");
    private static final BigDecimal LARGE_ABOVE_USD = new BigDecimal("100000");
    private static final int LIMITED_BELOW_ENGINEERS = 2;
    private static final int ADVANCED_ABOVE_ENGINEERS = 5;
    private static final BigDecimal REAL_TIME_BELOW_MS = new BigDecimal("500");
    private static final BigDecimal BATCH_ABOVE_MS = new BigDecimal("2000");
    private static final long ON_DEMAND_BELOW_TOKENS = 10_000_000L;
    private static final long PROVISIONED_ABOVE_TOKENS = 100_000_000L;
    private static final BigDecimal LOW_BELOW_PERCENT = new BigDecimal("50");
    private static final BigDecimal HIGH_ABOVE_PERCENT = new BigDecimal("80");
    private static final BigDecimal MINIMUM_ROI = new BigDecimal("3");
    private static final BigDecimal GPU_UTILIZATION_TARGET_PERCENT = new BigDecimal("90");
    private static final BigDecimal ALERT_AT_PERCENT = new BigDecimal("80");
    private static final BigDecimal VARIANCE_TOLERANCE_PERCENT = new BigDecimal("5");
    private static final BigDecimal HUNDRED = new BigDecimal("100");

    private static final Set<String> SELF_HOSTED = Set.of("DIY", "Deploy7", "Deploy8", "Deploy9");

    private final Forecaster forecaster;
    private final SavingsEstimator estimator;

    /** Builds the baseline on the pricing and savings files bundled with the rules. */
    public PlainJavaAdvisor() {
        this(PricingFiles.bundledCatalogue(), PricingFiles.bundledSavings());
    }

    public PlainJavaAdvisor(PricingCatalogue pricing, SavingsTable savings) {
        this.forecaster = new Forecaster(pricing);
        this.estimator = new SavingsEstimator(savings, pricing);
    }

    /**
     * Evaluates a scenario through the four phases and the success check, with the same forecast and
     * savings estimate as the advisor. The iterate loop is left out: the benchmarks compare it with an
     * advisor built with {@code maxCycles(0)}.
     */
    public Evaluation evaluate(Scenario scenario) {
        Objects.requireNonNull(scenario, "scenario");
        Forecast forecast = forecaster.forecast(scenario);
        Outcomes outcomes = new Outcomes();
        phase1(scenario, outcomes);
        phase2(scenario, outcomes);
        phase3(scenario, outcomes);
        phase4(scenario, forecast, outcomes);
        success(scenario, forecast, outcomes);
        Evaluation evaluation = outcomes.toEvaluation(scenario);
        return evaluation.withForecast(forecast, estimator.estimate(scenario, forecast, evaluation.nodes()), null);
    }

    private static void phase1(Scenario scenario, Outcomes out) {
        Org org = scenario.getOrg();
        BigDecimal maturity = org.getAiMaturityMonths();
        if (maturity.compareTo(POC_BELOW_MONTHS) < 0) {
            out.reach("POC_Track", "AI work so far is " + months(maturity) + ", below " + months(POC_BELOW_MONTHS) + ".",
                    "Q1 POC_Track: maturity below the POC threshold");
        } else if (maturity.compareTo(SCALE_ABOVE_MONTHS) <= 0) {
            out.reach("Prod_Track", "AI work so far is " + months(maturity) + ", from " + months(POC_BELOW_MONTHS)
                    + " to " + months(SCALE_ABOVE_MONTHS) + ".", "Q1 Prod_Track: maturity within the production band");
        } else {
            out.reach("Scale_Track", "AI work so far is " + months(maturity) + ", above " + months(SCALE_ABOVE_MONTHS) + ".",
                    "Q1 Scale_Track: maturity above the enterprise threshold");
        }

        BigDecimal budget = scenario.getBudget().getMonthlyUsd();
        String budgetBand;
        if (budget.compareTo(SMALL_BELOW_USD) < 0) {
            budgetBand = "SmallBudget";
            out.reach(budgetBand, "Monthly budget " + usd(budget) + " is below " + usd(SMALL_BELOW_USD) + ".",
                    "Q2 SmallBudget: budget below the small threshold");
        } else if (budget.compareTo(LARGE_ABOVE_USD) <= 0) {
            budgetBand = "MedBudget";
            out.reach(budgetBand, "Monthly budget " + usd(budget) + " is from " + usd(SMALL_BELOW_USD) + " to "
                    + usd(LARGE_ABOVE_USD) + ".", "Q2 MedBudget: budget within the medium band");
        } else {
            budgetBand = "LargeBudget";
            out.reach(budgetBand, "Monthly budget " + usd(budget) + " is above " + usd(LARGE_ABOVE_USD) + ".",
                    "Q2 LargeBudget: budget above the large threshold");
        }

        int engineers = org.getAiEngineers();
        String engineersText = count(engineers) + (engineers == 1 ? " AI engineer, " : " AI engineers, ");
        String techBand;
        if (engineers < LIMITED_BELOW_ENGINEERS) {
            techBand = "LimitedTech";
            out.reach(techBand, engineersText + "fewer than " + LIMITED_BELOW_ENGINEERS + ".",
                    "Q3 LimitedTech: fewer engineers than the limited threshold");
        } else if (engineers <= ADVANCED_ABOVE_ENGINEERS) {
            techBand = "ModerateTech";
            out.reach(techBand, engineersText + "from " + LIMITED_BELOW_ENGINEERS + " to " + ADVANCED_ABOVE_ENGINEERS + ".",
                    "Q3 ModerateTech: engineers within the moderate band");
        } else {
            techBand = "AdvancedTech";
            out.reach(techBand, engineersText + "more than " + ADVANCED_ABOVE_ENGINEERS + ".",
                    "Q3 AdvancedTech: more engineers than the advanced threshold");
        }

        // DeploymentRec: the lower of the two band ranks decides.
        if (budgetBand.equals("SmallBudget") || techBand.equals("LimitedTech")) {
            out.reach("Vendor1", "Budget band " + budgetBand + " and capability band " + techBand + ": the lower rank is 1, "
                    + "so a third-party closed-source service fits best.", "DeploymentRec Vendor1: small budget or limited capability");
        } else if (budgetBand.equals("MedBudget") || techBand.equals("ModerateTech")) {
            out.reach("Vendor2", "Budget band " + budgetBand + " and capability band " + techBand + ": the lower rank is 2, "
                    + "so evaluate third-party open-source models against a cloud provider's.",
                    "DeploymentRec Vendor2: medium budget or moderate capability, neither lower");
        } else {
            out.reach("DIY", "Budget band LargeBudget and capability band AdvancedTech: the lower rank is 3, "
                    + "so running models yourself on a cloud provider is within reach.", "DeploymentRec DIY: large budget and advanced capability");
        }
    }

    private static void phase2(Scenario scenario, Outcomes out) {
        Workload workload = scenario.getWorkload();
        String privacy = switch (workload.getDataSensitivity()) {
            case LOW -> out.reach("Public", "Data sensitivity is LOW: public cloud services and third-party APIs are acceptable.",
                    "Q4 Public: low-sensitivity data");
            case MODERATE -> out.reach("Moderate", "Data sensitivity is MODERATE: keep the data with a cloud provider, "
                    + "in dedicated tenancy with regional controls.", "Q4 Moderate: moderately sensitive or regulated data");
            case HIGH -> out.reach("Private", "Data sensitivity is HIGH: strict compliance needs a private deployment with full data control.",
                    "Q4 Private: highly sensitive data");
        };
        String driver = switch (workload.getBusinessDriver()) {
            case SPEED -> out.reach("SpeedFirst", "The primary business driver is SPEED: time to market outweighs cost.",
                    "TB1 SpeedFirst: speed to market");
            case COST -> out.reach("CostFirst", "The primary business driver is COST: the budget is the main constraint.",
                    "TB1 CostFirst: cost containment");
            case VALUE -> out.reach("ValueFirst", "The primary business driver is VALUE: revenue and customer impact decide.",
                    "TB1 ValueFirst: business value");
        };
        String deploy = finalDeployment(privacy, driver, out);
        alignment(deploy, out);

        BigDecimal latency = workload.getLatencyTargetMs();
        if (latency.compareTo(REAL_TIME_BELOW_MS) < 0) {
            out.reach("RealTime", "Latency target " + ms(latency) + " is below " + ms(REAL_TIME_BELOW_MS) + ".",
                    "TB2 RealTime: latency target below the real-time threshold");
        } else if (latency.compareTo(BATCH_ABOVE_MS) <= 0) {
            out.reach("Interactive", "Latency target " + ms(latency) + " is from " + ms(REAL_TIME_BELOW_MS) + " to "
                    + ms(BATCH_ABOVE_MS) + ".", "TB2 Interactive: latency target within the interactive band");
        } else {
            out.reach("Batch", "Latency target " + ms(latency) + " is above " + ms(BATCH_ABOVE_MS) + ".",
                    "TB2 Batch: latency target above the batch threshold");
        }

        switch (workload.getImpact()) {
            case REVENUE -> out.reach("Revenue", "The impact is REVENUE: the workload faces customers and earns revenue.",
                    "TB3 Revenue: revenue-generating, customer-facing");
            case PRODUCTIVITY -> out.reach("Productivity", "The impact is PRODUCTIVITY: the workload saves internal time.",
                    "TB3 Productivity: internal efficiency gains");
            case EXPERIMENTAL -> out.reach("Experiment", "The impact is EXPERIMENTAL: the workload is for learning and innovation.",
                    "TB3 Experiment: experimental, innovation");
        }

        long tokens = workload.getTokensPerMonth();
        if (tokens < ON_DEMAND_BELOW_TOKENS) {
            out.reach("OnDemand", count(tokens) + " tokens per month is below " + count(ON_DEMAND_BELOW_TOKENS) + ".",
                    "Q5 OnDemand: volume below the on-demand threshold");
        } else if (tokens <= PROVISIONED_ABOVE_TOKENS) {
            out.reach("Mixed", count(tokens) + " tokens per month is from " + count(ON_DEMAND_BELOW_TOKENS) + " to "
                    + count(PROVISIONED_ABOVE_TOKENS) + ".", "Q5 Mixed: volume within the mixed band");
        } else {
            out.reach("Provisioned", count(tokens) + " tokens per month is above " + count(PROVISIONED_ABOVE_TOKENS) + ".",
                    "Q5 Provisioned: volume above the provisioned threshold");
        }

        if (out.has("POC_Track") && out.has("Provisioned")) {
            out.note(NoteKind.CONFLICT, "The organisation is at proof-of-concept stage (POC_Track), yet its token volume calls for provisioned "
                    + "capacity on an annual commitment (Provisioned). Confirm the volume before committing for a year.",
                    "POC_Track", "Provisioned");
        }
    }

    /** FinalDeploy: the privacy outcome and the business driver together select one deployment. */
    private static String finalDeployment(String privacy, String driver, Outcomes out) {
        return switch (privacy + "/" + driver) {
            case "Public/SpeedFirst" -> out.reach("Deploy1", "Public data and speed first: premium tier of a leading API provider, "
                    + "on provisioned capacity.", "FinalDeploy Deploy1: public data, speed first");
            case "Public/CostFirst" -> out.reach("Deploy2", "Public data and cost first: standard tier of a leading API provider, on-demand.",
                    "FinalDeploy Deploy2: public data, cost first");
            case "Public/ValueFirst" -> out.reach("Deploy3", "Public data and value first: several providers, routed by use case.",
                    "FinalDeploy Deploy3: public data, value first");
            case "Moderate/SpeedFirst" -> out.reach("Deploy4", "Regulated data and speed first: a cloud provider's models on provisioned throughput.",
                    "FinalDeploy Deploy4: regulated data, speed first");
            case "Moderate/CostFirst" -> out.reach("Deploy5", "Regulated data and cost first: a cloud provider's models on-demand, "
                    + "with smaller models and RAG.", "FinalDeploy Deploy5: regulated data, cost first");
            case "Moderate/ValueFirst" -> out.reach("Deploy6", "Regulated data and value first: a cloud provider's models on mixed capacity, "
                    + "with multi-model routing.", "FinalDeploy Deploy6: regulated data, value first");
            case "Private/SpeedFirst" -> out.reach("Deploy7", "Private data and speed first: self-hosted models on reserved GPU capacity.",
                    "FinalDeploy Deploy7: private data, speed first");
            case "Private/CostFirst" -> out.reach("Deploy8", "Private data and cost first: self-hosted, optimised models on spot instances.",
                    "FinalDeploy Deploy8: private data, cost first");
            case "Private/ValueFirst" -> out.reach("Deploy9", "Private data and value first: self-hosted models on hybrid capacity, "
                    + "with custom fine-tuning.", "FinalDeploy Deploy9: private data, value first");
            default -> throw new IllegalStateException("no deployment for " + privacy + " and " + driver);
        };
    }

    /**
     * Writes the strategic alignment notes of Phase 2, where its outcomes pull apart from Phase 1's, in the
     * order the rules fire them: the small-budget note needs only TB1, and the others need FinalDeploy.
     */
    private static void alignment(String deploy, Outcomes out) {
        if (out.has("SmallBudget") && out.has("SpeedFirst")) {
            out.note(NoteKind.CONFLICT, "The budget is small (SmallBudget), yet speed comes first (SpeedFirst), which accepts 20-40% higher costs. "
                    + "Expect the budget alerts to fire early, or agree a larger budget for the launch.", "SmallBudget", "SpeedFirst");
        }
        if (out.has("Vendor1") && Set.of("Deploy7", "Deploy8", "Deploy9").contains(deploy)) {
            out.note(NoteKind.CONFLICT, "Phase 1 recommends a third-party closed-source service (Vendor1), but the privacy requirements select a "
                    + "self-hosted deployment (" + deploy + "). Self-hosting needs the budget or engineers that Phase 1 found "
                    + "missing: look for a vendor's dedicated or private offering, or build that capability first.", "Vendor1", deploy);
        }
        if (out.has("DIY") && Set.of("Deploy1", "Deploy2", "Deploy3").contains(deploy)) {
            out.note(NoteKind.CONFLICT, "Phase 1 finds the budget and engineers to run models yourself (DIY), but Phase 2 selects third-party "
                    + "APIs (" + deploy + "). Weigh the control and unit cost of self-hosting against the APIs' speed of delivery.", "DIY", deploy);
        }
    }

    private static void phase3(Scenario scenario, Outcomes out) {
        Workload workload = scenario.getWorkload();
        QueryMix mix = workload.getQueryMix();
        if (mix.getComplex().signum() > 0) {
            out.reach("LargeModel", share(mix.getComplex()) + " of queries need complex reasoning.", "MS1 LargeModel: complex queries in the mix");
        }
        if (mix.getBalanced().signum() > 0) {
            out.reach("MediumModel", share(mix.getBalanced()) + " of queries have balanced requirements.", "MS1 MediumModel: balanced queries in the mix");
        }
        if (mix.getSimple().signum() > 0) {
            out.reach("SmallModel", share(mix.getSimple()) + " of queries are simple.", "MS1 SmallModel: simple queries in the mix");
        }
        if (!workload.isQueryMixGiven()) {
            out.note(NoteKind.ASSUMPTION, "The scenario gives no query mix, so the flowchart's default is assumed: " + share(mix.getComplex())
                    + " complex, " + share(mix.getBalanced()) + " balanced, " + share(mix.getSimple()) + " simple.");
        }

        long tokens = workload.getTokensPerMonth();
        if (tokens > 0) {
            out.reach("RAG", count(tokens) + " tokens per month: grounding answers in retrieved documents lets smaller models answer.",
                    "INF1 RAG: retrieval for any token workload");
            if (mix.getClassesInUse() >= 2) {
                out.reach("Routing", mix.getClassesInUse() + " model classes are in the query mix, so each query can go to the cheapest "
                        + "model that handles it.", "INF1 Routing: two or more model classes in the mix");
            }
            out.reach("Cache", count(tokens) + " tokens per month: repeated prompt prefixes can be served from the cache.",
                    "INF1 Cache: prompt caching for any token workload");
            out.reach("TokenOpt", count(tokens) + " tokens per month: prompt compression and context management reduce it.",
                    "INF1 TokenOpt: token optimisation for any token workload");
        }

        GpuFleet fleet = scenario.getGpuFleet();
        if (fleet != null) {
            BigDecimal used = fleet.getUtilizationPercent();
            String gpus = gpus(fleet.getGpus()) + " at " + percent(used) + " utilisation, ";
            if (used.compareTo(LOW_BELOW_PERCENT) < 0) {
                out.reach("LowUtil", gpus + "below " + percent(LOW_BELOW_PERCENT) + ".", "GPU1 LowUtil: utilisation below the low threshold");
            } else if (used.compareTo(HIGH_ABOVE_PERCENT) <= 0) {
                out.reach("MedUtil", gpus + "from " + percent(LOW_BELOW_PERCENT) + " to " + percent(HIGH_ABOVE_PERCENT) + ".",
                        "GPU1 MedUtil: utilisation within the moderate band");
            } else {
                out.reach("HighUtil", gpus + "above " + percent(HIGH_ABOVE_PERCENT) + ".", "GPU1 HighUtil: utilisation above the high threshold");
            }
        }

        switch (workload.getPattern()) {
            case CONSTANT -> out.reach("Constant", "The load is CONSTANT and predictable around the clock.", "WL1 Constant: constant 24/7 load");
            case PEAKS -> out.reach("Peak", "The load PEAKS at predictable times.", "WL1 Peak: predictable peaks");
            case VARIABLE -> out.reach("Variable", "The load is VARIABLE and hard to predict.", "WL1 Variable: highly variable load");
        }
    }

    private static void phase4(Scenario scenario, Forecast forecast, Outcomes out) {
        GpuFleet fleet = scenario.getGpuFleet();
        List<String> selfHosted = out.reachedOf(SELF_HOSTED);

        if (fleet != null) {
            out.reach("Adv1", "The organisation serves models on " + gpus(fleet.getGpus()) + " of its own, where lower precision saves memory.",
                    "Adv1: quantization for a GPU fleet");
        }
        for (String deploy : selfHosted) {
            out.reach("Adv1", "The selected deployment " + deploy + " serves models itself, where lower precision saves memory.",
                    "Adv1: quantization for a self-hosted deployment");
        }
        out.reach("Adv2", "Every organisation can move work to smaller models once prompt engineering is exhausted.", "Adv2: model distillation");
        out.reach("Adv3", "Every organisation pays for network, storage and vector search that can be tuned.", "Adv3: infrastructure optimisation");

        out.reach("Budget1", budgetAlert(scenario.getBudget().getMonthlyUsd(), forecast), "Budget1: budget alerts from the forecast");
        out.reach("Budget2", "Review the rolling 13-week projection each week. " + varianceReview(forecast), "Budget2: weekly forecast reviews");

        out.reach("Collab1", "Every organisation needs finance, engineering and the business looking at the same spend figures.",
                "Collab1: joint optimisation sessions");
        out.reach("Collab2", "Every organisation benefits from rewarding cost-efficient implementations.", "Collab2: recognition programs");

        out.reach("Opt1", "Every organisation needs a monthly review of what each optimisation saved.", "Opt1: monthly optimisation reviews");
        out.reach("Opt2", "Every organisation needs a quarterly review of its roadmap, price trends and vendor terms.",
                "Opt2: quarterly strategic reviews");

        out.reach("Metrics1", "Every organisation needs cost, latency and business value measured per use case.",
                "Metrics1: cost, performance and impact metrics");
        if (fleet != null) {
            out.reach("Metrics2", "The organisation runs " + gpus(fleet.getGpus()) + " of its own.", "Metrics2: GPU efficiency metrics for a GPU fleet");
        }
        for (String deploy : selfHosted) {
            out.reach("Metrics2", "The selected deployment " + deploy + " hosts models on GPUs of its own.",
                    "Metrics2: GPU efficiency metrics for a self-hosted deployment");
        }
        out.reach("Metrics3", "Every organisation needs quality, token efficiency and cache hit rates tracked per model.",
                "Metrics3: model performance metrics");
    }

    private static String budgetAlert(BigDecimal monthly, Forecast forecast) {
        BigDecimal alertUsd = monthly.multiply(ALERT_AT_PERCENT).divide(HUNDRED);
        Integer alertWeek = forecast.firstWeekAtOrAbove(alertUsd);
        Integer budgetWeek = forecast.firstWeekAtOrAbove(monthly);
        int weeks = forecast.getProjection().size();
        String when = alertWeek == null
                ? "spend stays below the alert for all " + weeks + " projected weeks"
                : "spend reaches the alert in week " + alertWeek + (budgetWeek == null
                ? " and stays within the budget for all " + weeks + " projected weeks"
                : " and the full budget in week " + budgetWeek);
        return "Alert at " + percent(ALERT_AT_PERCENT) + " of the " + usd(monthly) + " monthly budget, which is " + usd(alertUsd) + ". "
                + "At this month's forecast of " + usd(forecast.getTotalMonthlyUsd()) + " and " + percent(forecast.getWeeklyGrowthPercent())
                + " weekly growth, " + when + ".";
    }

    private static String varianceReview(Forecast forecast) {
        List<VarianceWeek> missed = forecast.varianceBeyond(VARIANCE_TOLERANCE_PERCENT);
        if (forecast.getVariance().isEmpty()) {
            return "No past forecasts are given (forecast.history), so their variance cannot be checked yet.";
        }
        if (missed.isEmpty()) {
            boolean one = forecast.getVariance().size() == 1;
            return (one ? "The one past week is" : "All " + forecast.getVariance().size() + " past weeks are") + " within "
                    + percent(VARIANCE_TOLERANCE_PERCENT) + (one ? " of its forecast." : " of their forecast.");
        }
        StringBuilder weeks = new StringBuilder();
        for (VarianceWeek week : missed) {
            weeks.append(weeks.length() == 0 ? "" : ", ").append(week.week()).append(" ").append(signedPercent(week.variancePercent()));
        }
        return missed.size() + " of " + forecast.getVariance().size()
                + (forecast.getVariance().size() == 1 ? " past week missed its" : " past weeks missed their") + " forecast by more than "
                + percent(VARIANCE_TOLERANCE_PERCENT) + ": " + weeks + ".";
    }

    private static void success(Scenario scenario, Forecast forecast, Outcomes out) {
        Metrics metrics = scenario.getMetrics();
        Budget budget = scenario.getBudget();
        BigDecimal cost = metrics.getCostPerMillionTokensUsd();
        BigDecimal target = metrics.getTargetCostPerMillionTokensUsd();
        Set<String> optimize = new TreeSet<>();

        if (cost != null && target != null && cost.compareTo(target) > 0) {
            optimize.add(out.reach("Optimize1", "Cost per million tokens " + usd(cost) + " is above the target of " + usd(target) + ".",
                    "Optimize1: cost per million tokens above target"));
        }
        BigDecimal spent = budget.getSpentThisMonthUsd();
        if (spent != null && spent.compareTo(budget.getMonthlyUsd()) > 0) {
            optimize.add(out.reach("Optimize1", "Spend this month " + usd(spent) + " is above the monthly budget of "
                    + usd(budget.getMonthlyUsd()) + ".", "Optimize1: this month's spend over budget"));
        }
        if (forecast.getPeakMonthlyRateUsd().compareTo(budget.getMonthlyUsd()) > 0) {
            optimize.add(out.reach("Optimize1", "The forecast reaches " + usd(forecast.getPeakMonthlyRateUsd()) + " a month in week "
                    + forecast.getPeakWeekNumber() + " of the projection, above the monthly budget of " + usd(budget.getMonthlyUsd()) + ".",
                    "Optimize1: projected monthly spend over budget"));
        }
        BigDecimal p95 = metrics.getLatencyP95Ms();
        BigDecimal latencyTarget = scenario.getWorkload().getLatencyTargetMs();
        if (p95 != null && p95.compareTo(latencyTarget) > 0) {
            optimize.add(out.reach("Optimize2", "p95 latency " + ms(p95) + " is above the target of " + ms(latencyTarget) + ".",
                    "Optimize2: p95 latency above target"));
        }
        BigDecimal roi = metrics.getRoi();
        if (roi != null && roi.compareTo(MINIMUM_ROI) < 0) {
            optimize.add(out.reach("Optimize3", "ROI " + number(roi) + ":1 is below the minimum of " + number(MINIMUM_ROI) + ":1.",
                    "Optimize3: ROI below the minimum"));
        }
        GpuFleet fleet = scenario.getGpuFleet();
        if (fleet != null && fleet.getUtilizationPercent().compareTo(GPU_UTILIZATION_TARGET_PERCENT) < 0) {
            optimize.add(out.reach("Optimize4", "GPU utilisation " + percent(fleet.getUtilizationPercent()) + " is below the target of "
                    + percent(GPU_UTILIZATION_TARGET_PERCENT) + ".", "Optimize4: GPU utilisation below target"));
        }

        if (cost == null || target == null) {
            out.note(NoteKind.NOT_MEASURED, "Cost per million tokens and its target are not both measured, so Optimize1 did not check them.");
        }
        if (spent == null) {
            out.note(NoteKind.NOT_MEASURED, "Spend this month is not given, so Optimize1 did not check for a budget overrun.");
        }
        if (p95 == null) {
            out.note(NoteKind.NOT_MEASURED, "p95 latency is not measured, so Optimize2 did not check it.");
        }
        if (roi == null) {
            out.note(NoteKind.NOT_MEASURED, "ROI is not measured, so Optimize3 did not check it.");
        }

        if (optimize.isEmpty()) {
            out.reach("Monitor", "No measured metric misses its target.", "Monitor: every measured metric meets its target");
            out.reach("End", "All measured metrics are met, so ongoing FinOps management continues.", "End: after Monitor");
        } else {
            out.reach("Iterate", "Apply " + String.join(", ", optimize) + ", then reassess from Phase 2.", "Iterate: after an Optimize outcome");
        }
    }

    /** The outcomes and notes in the order they were reached, merged and sorted as the rule engine's runner does. */
    private static final class Outcomes {
        private final Map<String, List<Recommendation>> byNode = new LinkedHashMap<>();
        private final Set<Note> notes = new LinkedHashSet<>();
        private int recorded;

        /** Records an outcome and returns its node id. */
        String reach(String node, String rationale, String rule) {
            byNode.computeIfAbsent(node, id -> new ArrayList<>(1)).add(new Recommendation(node, rationale, rule));
            recorded++;
            return node;
        }

        void note(NoteKind kind, String text, String... nodes) {
            notes.add(new Note(kind, text, nodes));
            recorded++;
        }

        boolean has(String node) {
            return byNode.containsKey(node);
        }

        /**
         * Returns the nodes among these that were reached, in the order reached. A rule that matches any of
         * them fires once for each, as the rules do for DIY and a self-hosted deployment together.
         */
        List<String> reachedOf(Set<String> nodes) {
            List<String> reached = new ArrayList<>(2);
            for (String node : byNode.keySet()) {
                if (nodes.contains(node)) {
                    reached.add(node);
                }
            }
            return reached;
        }

        Evaluation toEvaluation(Scenario scenario) {
            List<Recommendation> recommendations = new ArrayList<>(byNode.size());
            for (List<Recommendation> same : byNode.values()) {
                recommendations.add(same.size() == 1 ? same.get(0) : merge(same));
            }
            recommendations.sort(Comparator.comparingInt(Recommendation::getOrder));
            List<Note> sortedNotes = new ArrayList<>(notes);
            sortedNotes.sort(Comparator.comparing(Note::getKind, Comparator.comparingInt(NoteKind::ordinal)));
            return new Evaluation(scenario, recommendations, sortedNotes, recorded);
        }

        private static Recommendation merge(List<Recommendation> same) {
            Set<String> rationales = new LinkedHashSet<>();
            Set<String> rules = new LinkedHashSet<>();
            for (Recommendation recommendation : same) {
                rationales.add(recommendation.getRationale());
                rules.add(recommendation.getRule());
            }
            return new Recommendation(same.get(0).getNode(), String.join(" ", rationales), String.join("; ", rules));
        }
    }
}
