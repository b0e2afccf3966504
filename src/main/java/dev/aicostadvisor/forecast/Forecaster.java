package dev.aicostadvisor.forecast;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;

import dev.aicostadvisor.model.ForecastInputs;
import dev.aicostadvisor.model.GpuFleet;
import dev.aicostadvisor.model.QueryMix;
import dev.aicostadvisor.model.Scenario;
import dev.aicostadvisor.model.SizeClass;
import dev.aicostadvisor.model.WeeklySpend;
import dev.aicostadvisor.pricing.ModelPrice;
import dev.aicostadvisor.pricing.PricingCatalogue;
import dev.aicostadvisor.pricing.ProvisionedUnit;
import dev.aicostadvisor.rules.RuleText;
import dev.aicostadvisor.scenario.InvalidScenarioException;
import dev.aicostadvisor.scenario.MapReader;

/**
 * Computes a scenario's cost forecast from a pricing catalogue.
 *
 * <p>Token spend: each size class of the query mix is priced at its model. The cache hit rate's share of the
 * input tokens is priced at the cached-input rate and the rest at the input rate. The batch share of traffic
 * is priced at batch rates instead. The GPU fleet costs GPUs x hourly price x {@link #HOURS_PER_MONTH}. The
 * projection grows the token spend by the weekly growth rate for {@link #PROJECTION_WEEKS} weeks and adds the
 * GPU fleet's cost, which does not grow.
 */
public final class Forecaster {

    /** Hours in a month: 8,760 hours a year / 12, the convention of cloud price pages. */
    public static final BigDecimal HOURS_PER_MONTH = new BigDecimal("730");
    /** Weeks in the rolling projection: a quarter. */
    public static final int PROJECTION_WEEKS = 13;

    private static final BigDecimal WEEKS_PER_YEAR = new BigDecimal("52");
    private static final BigDecimal MONTHS_PER_YEAR = new BigDecimal("12");
    private static final BigDecimal MINUTES_PER_HOUR = new BigDecimal("60");

    private final PricingCatalogue catalogue;

    public Forecaster(PricingCatalogue catalogue) {
        this.catalogue = Objects.requireNonNull(catalogue, "catalogue");
    }

    public PricingCatalogue catalogue() {
        return catalogue;
    }

    /**
     * Forecasts a scenario's monthly cost.
     *
     * @throws InvalidScenarioException when the scenario names a model or GPU type the catalogue lacks
     */
    public Forecast forecast(Scenario scenario) {
        return forecast(scenario, BigDecimal.ONE);
    }

    /**
     * Forecasts a scenario's monthly cost with every token price multiplied by a factor, which is how the
     * iterate loop applies savings that make each token cheaper, such as routing and caching.
     */
    public Forecast forecast(Scenario scenario, BigDecimal tokenPriceFactor) {
        ForecastInputs inputs = scenario.getForecast();
        BigDecimal inputShare = inputs.inputTokenShareOrDefault();
        BigDecimal cacheHitRate = scenario.getMetrics().getCacheHitRate() != null ? scenario.getMetrics().getCacheHitRate() : BigDecimal.ZERO;
        BigDecimal batchShare = inputs.batchShareOrDefault();
        BigDecimal growth = inputs.weeklyGrowthPercentOrDefault();

        long tokens = scenario.getWorkload().getTokensPerMonth();
        PricedMix mix = classCosts(scenario, tokens, inputShare, cacheHitRate, batchShare, tokenPriceFactor);
        List<ClassCost> classes = mix.classes();
        // Rounded once, so that the savings estimate and the iterate loop, which scale this figure, round alike.
        BigDecimal tokenSpend = Money.cents(mix.unroundedUsd());

        GpuCost gpu = gpuCost(scenario);
        BigDecimal total = gpu == null ? tokenSpend : tokenSpend.add(gpu.monthlyUsd());

        // The assumptions are sentences for reports only, so they are written when a report asks for them.
        return new Forecast(tokens, inputShare, cacheHitRate, batchShare, classes, mix.unroundedUsd(), tokenSpend, gpu, total, growth,
                project(tokenSpend, gpu == null ? BigDecimal.ZERO : gpu.monthlyUsd(), growth), variance(inputs.getHistory()),
                breakEven(classes, tokens, tokenSpend, inputShare),
                () -> assumptions(scenario, classes, tokenPriceFactor));
    }

    /** Writes the defaults and prices a forecast relied on, as sentences. */
    private List<String> assumptions(Scenario scenario, List<ClassCost> classes, BigDecimal tokenPriceFactor) {
        ForecastInputs inputs = scenario.getForecast();
        List<String> assumptions = new ArrayList<>();
        describeInputs(scenario, inputs, classes, inputs.inputTokenShareOrDefault(),
                scenario.getMetrics().getCacheHitRate() != null ? scenario.getMetrics().getCacheHitRate() : BigDecimal.ZERO,
                inputs.batchShareOrDefault(), inputs.weeklyGrowthPercentOrDefault(), assumptions);
        for (ClassCost cost : classes) {
            ModelPrice price = cost.price();
            String key = cost.sizeClass().key();
            assumptions.add(capitalised(key) + " queries are priced at " + price.id()
                    + (cost.defaultModel() ? " (the catalogue's default; set forecast.models." + key + ")" : "")
                    + ": " + RuleText.usd(price.inputPerMillionUsd()) + " input, " + RuleText.usd(price.outputPerMillionUsd())
                    + " output per million tokens" + optionalPrices(price) + ". Source: " + price.source() + ".");
        }
        if (tokenPriceFactor.compareTo(BigDecimal.ONE) != 0) {
            assumptions.add("Token prices are multiplied by " + tokenPriceFactor.setScale(4, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString()
                    + ", the share that the applied optimisations leave.");
        }
        GpuFleet fleet = scenario.getGpuFleet();
        if (fleet != null) {
            assumptions.add("The GPU fleet costs " + RuleText.gpus(fleet.getGpus()) + " x " + RuleText.usd(fleet.getHourlyCostUsd())
                    + " an hour x " + HOURS_PER_MONTH + " hours a month, from the scenario.");
        }
        return assumptions;
    }

    /** The size classes' costs, each rounded to the cent, and the exact sum of their unrounded costs. */
    private record PricedMix(List<ClassCost> classes, BigDecimal unroundedUsd) {
    }

    private PricedMix classCosts(Scenario scenario, long tokens, BigDecimal inputShare, BigDecimal cacheHitRate,
                                 BigDecimal batchShare, BigDecimal tokenPriceFactor) {
        QueryMix mix = scenario.getWorkload().getQueryMix();
        // Shares may sum to 1 within a tolerance, as thirds written 0.333 do; dividing by the sum prices every token.
        BigDecimal sum = mix.sum();
        List<ClassCost> classes = new ArrayList<>();
        BigDecimal unrounded = BigDecimal.ZERO;
        for (SizeClass sizeClass : SizeClass.values()) {
            BigDecimal given = switch (sizeClass) {
                case LARGE -> mix.getComplex();
                case MEDIUM -> mix.getBalanced();
                case SMALL -> mix.getSimple();
            };
            BigDecimal share = sum.compareTo(BigDecimal.ONE) == 0 ? given : given.divide(sum, 10, RoundingMode.HALF_UP);
            if (share.signum() == 0) {
                continue;
            }
            String named = scenario.getForecast().getModels().get(sizeClass);
            ModelPrice price = named != null ? namedModel(scenario, sizeClass, named) : defaultModel(sizeClass);
            BigDecimal classTokens = BigDecimal.valueOf(tokens).multiply(share);
            BigDecimal cost = tokenCost(classTokens, price, inputShare, cacheHitRate, batchShare).multiply(tokenPriceFactor);
            classes.add(new ClassCost(sizeClass, price, named == null, share,
                    classTokens.setScale(0, RoundingMode.HALF_UP).longValueExact(), Money.cents(cost)));
            unrounded = unrounded.add(cost);
        }
        return new PricedMix(classes, unrounded);
    }

    /** Prices tokens: cached input at the cached rate, batch traffic at batch rates, the rest at regular rates. */
    static BigDecimal tokenCost(BigDecimal tokens, ModelPrice price, BigDecimal inputShare, BigDecimal cacheHitRate, BigDecimal batchShare) {
        BigDecimal millions = tokens.movePointLeft(6);
        BigDecimal inputMillions = millions.multiply(inputShare);
        BigDecimal outputMillions = millions.subtract(inputMillions);
        BigDecimal interactive = BigDecimal.ONE.subtract(batchShare);

        BigDecimal interactiveInputRate = cacheHitRate.multiply(price.cachedInputOrInput())
                .add(BigDecimal.ONE.subtract(cacheHitRate).multiply(price.inputPerMillionUsd()));
        BigDecimal inputRate = batchShare.multiply(price.batchInputOrInput()).add(interactive.multiply(interactiveInputRate));
        BigDecimal outputRate = batchShare.multiply(price.batchOutputOrOutput()).add(interactive.multiply(price.outputPerMillionUsd()));
        return inputMillions.multiply(inputRate).add(outputMillions.multiply(outputRate));
    }

    private ModelPrice namedModel(Scenario scenario, SizeClass sizeClass, String id) {
        return catalogue.model(id).orElseThrow(() -> {
            String field = "forecast.models." + sizeClass.key();
            return new InvalidScenarioException(sourceOf(scenario), scenario.lineOf(field), field,
                    "'" + id + "' is not in the pricing catalogue " + catalogue.description()
                            + suggestion(id, List.copyOf(catalogue.models().keySet()), "models"));
        });
    }

    private ModelPrice defaultModel(SizeClass sizeClass) {
        String id = catalogue.defaultModel(sizeClass).orElseThrow(() -> new IllegalStateException(
                "the pricing catalogue " + catalogue.description() + " has no default model for the " + sizeClass.key() + " class"));
        return catalogue.model(id).orElseThrow(() -> new IllegalStateException(
                "the pricing catalogue " + catalogue.description() + " names " + id + " as the default " + sizeClass.key()
                        + " model but does not list it"));
    }

    private GpuCost gpuCost(Scenario scenario) {
        GpuFleet fleet = scenario.getGpuFleet();
        if (fleet == null) {
            return null;
        }
        if (fleet.getGpuType() != null && catalogue.gpu(fleet.getGpuType()).isEmpty()) {
            throw new InvalidScenarioException(sourceOf(scenario), scenario.lineOf("gpuFleet.gpuType"), "gpuFleet.gpuType", "'" + fleet.getGpuType()
                    + "' is not in the pricing catalogue " + catalogue.description()
                    + suggestion(fleet.getGpuType(), List.copyOf(catalogue.gpus().keySet()), "GPUs"));
        }
        BigDecimal monthly = Money.cents(BigDecimal.valueOf(fleet.getGpus()).multiply(fleet.getHourlyCostUsd()).multiply(HOURS_PER_MONTH));
        BigDecimal idleShare = Money.HUNDRED.subtract(fleet.getUtilizationPercent()).movePointLeft(2);
        BigDecimal idle = Money.cents(monthly.multiply(idleShare));
        return new GpuCost(fleet.getGpus(), fleet.getHourlyCostUsd(), monthly, fleet.getUtilizationPercent(), idle);
    }

    /**
     * Grows the token spend week by week, because the growth rate is the token volume's: week w runs at
     * tokens x (1 + growth)^(w - 1) + GPU fleet a month. The fleet's cost stays as it is.
     */
    private static List<ProjectedWeek> project(BigDecimal tokenSpend, BigDecimal gpuMonthly, BigDecimal growthPercent) {
        BigDecimal factor = BigDecimal.ONE.add(growthPercent.movePointLeft(2));
        List<ProjectedWeek> weeks = new ArrayList<>();
        BigDecimal rate = tokenSpend;
        for (int week = 1; week <= PROJECTION_WEEKS; week++) {
            BigDecimal monthly = Money.cents(rate.add(gpuMonthly));
            BigDecimal weekly = monthly.multiply(MONTHS_PER_YEAR).divide(WEEKS_PER_YEAR, 2, RoundingMode.HALF_UP);
            weeks.add(new ProjectedWeek(week, monthly, weekly));
            rate = rate.multiply(factor, Money.CONTEXT);
        }
        return weeks;
    }

    private static List<VarianceWeek> variance(List<WeeklySpend> history) {
        List<VarianceWeek> weeks = new ArrayList<>();
        for (WeeklySpend week : history) {
            BigDecimal percent = week.actualUsd().subtract(week.forecastUsd())
                    .multiply(Money.HUNDRED)
                    .divide(week.forecastUsd(), 2, RoundingMode.HALF_UP);
            weeks.add(new VarianceWeek(week.week(), week.forecastUsd(), week.actualUsd(), percent));
        }
        return weeks;
    }

    /**
     * Finds where provisioned throughput breaks even: first for a unit that serves a model of the mix (the
     * class with the largest share first), else for the catalogue's first unit, as if the whole workload moved
     * to its model.
     */
    private BreakEven breakEven(List<ClassCost> classes, long tokens, BigDecimal tokenSpend, BigDecimal inputShare) {
        List<ClassCost> byShare = new ArrayList<>(classes);
        byShare.sort(Comparator.comparing(ClassCost::share).reversed());
        for (ClassCost cost : byShare) {
            List<ProvisionedUnit> units = catalogue.provisionedFor(cost.price().id());
            if (!units.isEmpty()) {
                return breakEven(units.get(0), cost.price(), cost.tokens(), cost.monthlyUsd(), inputShare, true);
            }
        }
        for (ProvisionedUnit unit : catalogue.provisioned()) {
            ModelPrice model = catalogue.model(unit.model()).orElse(null);
            if (model != null) {
                return breakEven(unit, model, tokens, tokenSpend, inputShare, false);
            }
        }
        return null;
    }

    private static BreakEven breakEven(ProvisionedUnit unit, ModelPrice model, long workloadTokens, BigDecimal workloadSpend,
                                       BigDecimal inputShare, boolean servesScenarioModel) {
        BigDecimal perMillion = inputShare.multiply(model.inputPerMillionUsd())
                .add(BigDecimal.ONE.subtract(inputShare).multiply(model.outputPerMillionUsd()))
                .setScale(4, RoundingMode.HALF_UP);
        if (perMillion.signum() == 0) {
            return null;
        }
        BigDecimal minimum = unit.minimumMonthlyUsd();
        long breakEvenTokens = minimum.multiply(Money.MILLION).divide(perMillion, 0, RoundingMode.CEILING).longValueExact();
        // Output tokens use more of a unit's capacity than input tokens, by the unit's output token weight.
        BigDecimal inputEquivalentPerToken = inputShare.add(BigDecimal.ONE.subtract(inputShare).multiply(unit.outputTokenWeight()));
        BigDecimal inputTokensPerUnitMonth = BigDecimal.valueOf(unit.inputTokensPerMinutePerUnit())
                .multiply(MINUTES_PER_HOUR).multiply(HOURS_PER_MONTH);
        long capacity = BigDecimal.valueOf(unit.minimumUnits()).multiply(inputTokensPerUnitMonth)
                .divide(inputEquivalentPerToken, 0, RoundingMode.FLOOR).longValueExact();
        long neededUnits = BigDecimal.valueOf(workloadTokens).multiply(inputEquivalentPerToken)
                .divide(inputTokensPerUnitMonth, 0, RoundingMode.CEILING).longValueExact();
        long workloadUnits = Math.max(unit.minimumUnits(), neededUnits);
        BigDecimal workloadProvisioned = Money.cents(unit.monthlyUsdPerUnit().multiply(BigDecimal.valueOf(workloadUnits)));
        return new BreakEven(unit, model, perMillion, Money.cents(minimum), breakEvenTokens, capacity, workloadTokens,
                workloadSpend, workloadUnits, workloadProvisioned, servesScenarioModel);
    }

    private void describeInputs(Scenario scenario, ForecastInputs inputs, List<ClassCost> classes, BigDecimal inputShare,
                                BigDecimal cacheHitRate, BigDecimal batchShare, BigDecimal growth, List<String> assumptions) {
        assumptions.add("Input tokens are " + RuleText.share(inputShare) + " of all tokens"
                + (inputs.getInputTokenShare() == null ? " (the default; set forecast.inputTokenShare)." : "."));
        assumptions.add(scenario.getMetrics().getCacheHitRate() == null
                ? "No input tokens are served from the prompt cache, because metrics.cacheHitRate is not measured."
                : cacheAssumption(classes, cacheHitRate, batchShare));
        assumptions.add(inputs.getBatchShare() == null
                ? "No traffic runs as batch (the default; set forecast.batchShare)."
                : batchAssumption(classes, batchShare));
        assumptions.add(inputs.getWeeklyGrowthPercent() == null
                ? "The token volume stays flat over the projection (the default; set forecast.weeklyGrowthPercent)."
                : "The token volume grows " + RuleText.percent(growth) + " a week over the projection.");
        catalogue.importReport().ifPresent(report -> assumptions.add("Model prices: " + report.summary()));
        assumptions.add("A month is " + HOURS_PER_MONTH + " hours and 52 / 12 weeks; the projection covers " + PROJECTION_WEEKS + " weeks.");
    }

    /** Describes the measured cache hit rate, naming the models whose cached input is priced at the input rate. */
    private static String cacheAssumption(List<ClassCost> classes, BigDecimal cacheHitRate, BigDecimal batchShare) {
        if (cacheHitRate.signum() > 0 && batchShare.compareTo(BigDecimal.ONE) == 0) {
            return "The measured cache hit rate of " + RuleText.share(cacheHitRate) + " (metrics.cacheHitRate) applies to no tokens, "
                    + "because all traffic runs as batch and the prompt cache is priced only outside batch traffic.";
        }
        String sentence = RuleText.share(cacheHitRate) + " of the input tokens outside batch traffic are served from the prompt cache "
                + "(metrics.cacheHitRate)";
        List<String> uncached = modelsWithout(classes, ModelPrice::cachedInputPerMillionUsd);
        if (uncached.size() == distinctModels(classes)) {
            return sentence + ", but no model of the mix has a cached-input price, so they are priced at the input rate.";
        }
        return sentence + ", at each model's cached-input price."
                + missingPrice(uncached, "cached-input price", "cached input is priced at the input rate");
    }

    /** Describes the batch share, naming the models whose batch traffic is priced at standard rates. */
    private static String batchAssumption(List<ClassCost> classes, BigDecimal batchShare) {
        if (batchShare.signum() == 0) {
            return "No traffic runs as batch (forecast.batchShare is 0).";
        }
        String sentence = RuleText.share(batchShare) + " of traffic runs as batch";
        List<String> noInput = modelsWithout(classes, ModelPrice::batchInputPerMillionUsd);
        List<String> noOutput = modelsWithout(classes, ModelPrice::batchOutputPerMillionUsd);
        List<String> noBatch = noInput.stream().filter(noOutput::contains).toList();
        if (noBatch.size() == distinctModels(classes)) {
            return sentence + ", but no model of the mix has a batch price, so it is priced at standard rates.";
        }
        List<String> noInputOnly = noInput.stream().filter(id -> !noBatch.contains(id)).toList();
        List<String> noOutputOnly = noOutput.stream().filter(id -> !noBatch.contains(id)).toList();
        return sentence + ", at each model's batch prices."
                + missingPrice(noBatch, "batch price", "batch traffic is priced at standard rates")
                + missingPrice(noInputOnly, "batch input price", "batch input is priced at the input rate")
                + missingPrice(noOutputOnly, "batch output price", "batch output is priced at the output rate");
    }

    /** Writes " a and b have no PRICE, so their CONSEQUENCE.", or nothing without models. */
    private static String missingPrice(List<String> models, String price, String consequence) {
        if (models.isEmpty()) {
            return "";
        }
        boolean one = models.size() == 1;
        return " " + RuleText.list(models) + (one ? " has no " : " have no ") + price + ", so " + (one ? "its " : "their ")
                + consequence + ".";
    }

    /** Returns the ids of the mix's models that lack a price, once each in size-class order. */
    static List<String> modelsWithout(List<ClassCost> classes, Function<ModelPrice, BigDecimal> price) {
        return classes.stream().map(ClassCost::price).filter(model -> price.apply(model) == null).map(ModelPrice::id).distinct().toList();
    }

    private static int distinctModels(List<ClassCost> classes) {
        return (int) classes.stream().map(cost -> cost.price().id()).distinct().count();
    }

    private static String optionalPrices(ModelPrice price) {
        List<String> parts = new ArrayList<>();
        if (price.cachedInputPerMillionUsd() != null) {
            parts.add(RuleText.usd(price.cachedInputPerMillionUsd()) + " cached input");
        }
        if (price.batchInputPerMillionUsd() != null) {
            parts.add(RuleText.usd(price.batchInputPerMillionUsd()) + " batch input");
        }
        if (price.batchOutputPerMillionUsd() != null) {
            parts.add(RuleText.usd(price.batchOutputPerMillionUsd()) + " batch output");
        }
        return parts.isEmpty() ? "" : " (" + String.join(", ", parts) + ")";
    }

    private static String capitalised(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }

    /**
     * Suggests the catalogue ids nearest to an unknown one: the closest spelling, else the ids that contain
     * it (so 'h100' finds 'h100-sxm' and 'h100-pcie'), else the first few ids.
     */
    static String suggestion(String unknown, List<String> known, String kind) {
        String nearest = MapReader.nearest(unknown, known);
        if (nearest != null) {
            return "; did you mean '" + nearest + "'?";
        }
        String lower = unknown.toLowerCase(Locale.ROOT);
        List<String> containing = known.stream().filter(id -> id.toLowerCase(Locale.ROOT).contains(lower)).limit(6).toList();
        if (containing.size() == 1) {
            return "; did you mean '" + containing.get(0) + "'?";
        }
        if (!containing.isEmpty() && containing.size() <= 5) {
            return "; did you mean one of " + String.join(", ", containing) + "?";
        }
        return "; it lists " + known.size() + " " + kind + ", such as " + String.join(", ", known.subList(0, Math.min(5, known.size())));
    }

    private static String sourceOf(Scenario scenario) {
        return scenario.getSource() != null ? scenario.getSource() : "scenario '" + scenario.getName() + "'";
    }
}
