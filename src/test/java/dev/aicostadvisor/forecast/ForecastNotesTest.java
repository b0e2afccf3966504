package dev.aicostadvisor.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.aicostadvisor.Advisor;
import dev.aicostadvisor.TestRules;
import dev.aicostadvisor.model.Budget;
import dev.aicostadvisor.model.BusinessDriver;
import dev.aicostadvisor.model.BusinessImpact;
import dev.aicostadvisor.model.DataSensitivity;
import dev.aicostadvisor.model.ForecastInputs;
import dev.aicostadvisor.model.Metrics;
import dev.aicostadvisor.model.Org;
import dev.aicostadvisor.model.Scenario;
import dev.aicostadvisor.model.SizeClass;
import dev.aicostadvisor.model.Workload;
import dev.aicostadvisor.model.WorkloadPattern;
import dev.aicostadvisor.pricing.PricingCatalogue;
import dev.aicostadvisor.pricing.PricingReader;
import dev.aicostadvisor.pricing.SavingsTable;

/**
 * The forecast's sentences about the prompt cache and batch traffic stay true at the edges: all traffic as
 * batch, models without a cached-input or batch price, and a cache hit rate that no token was priced at.
 */
class ForecastNotesTest {

    private static final PricingCatalogue SHIPPED = PricingReader.read(Path.of("rules/pricing.yaml"), null);
    private static final Map<SizeClass, String> CHATBOT_MODELS = Map.of(
            SizeClass.LARGE, "claude-sonnet-4-5", SizeClass.MEDIUM, "gpt-4.1-mini", SizeClass.SMALL, "gemini-2.5-flash-lite");
    private static final Map<SizeClass, String> MOSTLY_LLAMA = Map.of(
            SizeClass.LARGE, "meta.llama3-1-70b-instruct-v1:0", SizeClass.MEDIUM, "gpt-4.1-mini",
            SizeClass.SMALL, "meta.llama3-2-3b-instruct-v1:0");
    private static final Map<SizeClass, String> ONLY_LLAMA = Map.of(
            SizeClass.LARGE, "meta.llama3-1-70b-instruct-v1:0", SizeClass.MEDIUM, "meta.llama3-1-8b-instruct-v1:0",
            SizeClass.SMALL, "meta.llama3-2-3b-instruct-v1:0");

    private static Scenario scenario(Map<SizeClass, String> models, String batchShare, String cacheHitRate) {
        return Scenario.builder("Cache and batch edges")
                .org(new Org(null, new BigDecimal("14"), 4))
                .budget(new Budget(new BigDecimal("9000"), null))
                .workload(new Workload(DataSensitivity.LOW, BusinessDriver.VALUE, new BigDecimal("900"), BusinessImpact.REVENUE,
                        3_000_000_000L, WorkloadPattern.PEAKS, null))
                .metrics(new Metrics(null, null, null, null, new BigDecimal(cacheHitRate)))
                .forecast(new ForecastInputs(null, models, new BigDecimal(batchShare), null, List.of()))
                .build();
    }

    private static SavingsEstimator estimator(PricingCatalogue catalogue) throws IOException {
        return new SavingsEstimator(SavingsTable.parse(Files.readString(Path.of("rules/savings.yaml")), "rules/savings.yaml"), catalogue);
    }

    private static String assumptionStartingWith(Forecast forecast, String start) {
        return forecast.getAssumptions().stream().filter(text -> text.startsWith(start)).findFirst().orElseThrow();
    }

    @Test
    void allBatchLeavesCacheUnpriced() throws IOException {
        Scenario scenario = scenario(CHATBOT_MODELS, "1", "1");
        Forecast forecast = new Forecaster(SHIPPED).forecast(scenario);

        assertThat(forecast.pricesCachedInput()).isFalse();
        assertThat(estimator(SHIPPED).alreadyCounted(scenario, forecast, "Cache")).isEmpty();
        assertThat(forecast.getAssumptions()).contains("The measured cache hit rate of 100% (metrics.cacheHitRate) applies to no tokens, "
                + "because all traffic runs as batch and the prompt cache is priced only outside batch traffic.");
    }

    @Test
    void allBatchCycleAppliesCacheSaving() {
        Advisor advisor = TestRules.advisor();

        Cycle cycle = advisor.evaluate(scenario(CHATBOT_MODELS, "1", "1").toBuilder()
                .budget(new Budget(new BigDecimal("9000"), new BigDecimal("9500"))).build()).iteration().cycles().get(0);

        assertThat(cycle.adjustments().get(0).reason()).isEqualTo("Routing -40%, Cache -20%, SmallModel -40%");
    }

    @Test
    void partBatchCountsCacheOutsideBatch() throws IOException {
        Scenario scenario = scenario(CHATBOT_MODELS, "0.2", "0.5");
        Forecast forecast = new Forecaster(SHIPPED).forecast(scenario);

        assertThat(forecast.pricesCachedInput()).isTrue();
        assertThat(estimator(SHIPPED).alreadyCounted(scenario, forecast, "Cache")).hasValue(
                "the forecast already prices the measured cache hit rate of 50% at cached-input rates outside batch traffic.");
        assertThat(assumptionStartingWith(forecast, "50% of the input tokens")).isEqualTo("50% of the input tokens outside batch "
                + "traffic are served from the prompt cache (metrics.cacheHitRate), at each model's cached-input price.");
    }

    @Test
    void modelsWithoutBatchPriceAreNamed() {
        Forecast forecast = new Forecaster(SHIPPED).forecast(scenario(CHATBOT_MODELS, "0.2", "0.5"));

        assertThat(assumptionStartingWith(forecast, "20% of traffic")).isEqualTo("20% of traffic runs as batch, at each model's "
                + "batch prices. claude-sonnet-4-5 and gemini-2.5-flash-lite have no batch price, so their batch traffic is "
                + "priced at standard rates.");
    }

    @Test
    void noBatchPriceInMixIsSaid() {
        Forecast forecast = new Forecaster(SHIPPED).forecast(scenario(ONLY_LLAMA, "0.2", "0"));

        assertThat(assumptionStartingWith(forecast, "20% of traffic")).isEqualTo("20% of traffic runs as batch, but no model of "
                + "the mix has a batch price, so it is priced at standard rates.");
    }

    @Test
    void partialBatchPriceIsNamed() {
        PricingCatalogue catalogue = PricingReader.parse("""
                sources:
                  - {name: test, title: "Round test prices, not real ones", asOf: 2026-12-01}
                defaults: {large: both, medium: input-only, small: input-only}
                models:
                  - {id: both, provider: test, sizeClass: large, inputPerMillionUsd: 2, outputPerMillionUsd: 8,
                     batchInputPerMillionUsd: 1, batchOutputPerMillionUsd: 4, source: test}
                  - {id: input-only, provider: test, sizeClass: medium, inputPerMillionUsd: 1, outputPerMillionUsd: 4,
                     batchInputPerMillionUsd: 0.5, source: test}
                """, "test-pricing.yaml");

        Forecast forecast = new Forecaster(catalogue).forecast(scenario(Map.of(), "0.5", "0"));

        assertThat(assumptionStartingWith(forecast, "50% of traffic")).isEqualTo("50% of traffic runs as batch, at each model's "
                + "batch prices. input-only has no batch output price, so its batch output is priced at the output rate.");
    }

    @Test
    void modelsWithoutCachedPriceAreNamed() throws IOException {
        Scenario scenario = scenario(MOSTLY_LLAMA, "0", "0.3");
        Forecast forecast = new Forecaster(SHIPPED).forecast(scenario);

        assertThat(estimator(SHIPPED).alreadyCounted(scenario, forecast, "Cache")).hasValue("the forecast already prices the "
                + "measured cache hit rate of 30% at cached-input rates, except on meta.llama3-1-70b-instruct-v1:0 and "
                + "meta.llama3-2-3b-instruct-v1:0, which have no cached-input price.");
        assertThat(assumptionStartingWith(forecast, "30% of the input tokens")).isEqualTo("30% of the input tokens outside batch "
                + "traffic are served from the prompt cache (metrics.cacheHitRate), at each model's cached-input price. "
                + "meta.llama3-1-70b-instruct-v1:0 and meta.llama3-2-3b-instruct-v1:0 have no cached-input price, so their "
                + "cached input is priced at the input rate.");
    }

    @Test
    void noCachedPriceInMixLeavesCacheUncounted() throws IOException {
        Scenario scenario = scenario(ONLY_LLAMA, "0", "0.3");
        Forecast forecast = new Forecaster(SHIPPED).forecast(scenario);

        assertThat(forecast.pricesCachedInput()).isFalse();
        assertThat(estimator(SHIPPED).alreadyCounted(scenario, forecast, "Cache")).isEmpty();
        assertThat(assumptionStartingWith(forecast, "30% of the input tokens")).isEqualTo("30% of the input tokens outside batch "
                + "traffic are served from the prompt cache (metrics.cacheHitRate), but no model of the mix has a cached-input "
                + "price, so they are priced at the input rate.");
    }
}
