package dev.aicostadvisor.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.aicostadvisor.model.Budget;
import dev.aicostadvisor.model.BusinessDriver;
import dev.aicostadvisor.model.BusinessImpact;
import dev.aicostadvisor.model.DataSensitivity;
import dev.aicostadvisor.model.ForecastInputs;
import dev.aicostadvisor.model.Org;
import dev.aicostadvisor.model.QueryMix;
import dev.aicostadvisor.model.Scenario;
import dev.aicostadvisor.model.SizeClass;
import dev.aicostadvisor.model.Workload;
import dev.aicostadvisor.model.WorkloadPattern;
import dev.aicostadvisor.pricing.PricingReader;
import dev.aicostadvisor.scenario.ScenarioReader;

/**
 * The break-even of provisioned throughput when the scenario's models have no unit: the shipped catalogue's only
 * unit is azure-ptu-gpt-4o, 50 PTU minimum at 260 USD each (13,000.00 a month). One PTU serves 2,500 input tokens a
 * minute, 109,500,000 a month, and at 75% input each token counts as 0.75 + 0.25 x 3 = 1.5 input tokens.
 */
class BreakEvenTest {

    private static final Forecaster FORECASTER = new Forecaster(PricingReader.read(Path.of("rules/pricing.yaml"), null));

    private static Scenario largeOnly(long tokens, String model) {
        return Scenario.builder("Large queries only")
                .org(new Org(null, new BigDecimal("14"), 4))
                .budget(new Budget(new BigDecimal("90000"), null))
                .workload(new Workload(DataSensitivity.LOW, BusinessDriver.VALUE, new BigDecimal("900"), BusinessImpact.REVENUE,
                        tokens, WorkloadPattern.CONSTANT, new QueryMix(BigDecimal.ONE, BigDecimal.ZERO, BigDecimal.ZERO)))
                .forecast(new ForecastInputs(null, Map.of(SizeClass.LARGE, model), null, null, List.of()))
                .build();
    }

    @Test
    void cheapModelsPastGpt4oPointStayOnDemand() {
        BreakEven breakEven = FORECASTER.forecast(ScenarioReader.read(Path.of("scenarios/consumer-chatbot-growth.yaml"))).getBreakEven();

        // On-demand gpt-4o at 4.38 USD per million would pass 13,000.00 at 2,971,428,572 tokens, but this workload
        // spends 4,965.00 on its own models, and 3,000,000,000 tokens x 1.5 need 41.1 PTU, so the minimum of 50.
        assertThat(breakEven.servesScenarioModel()).isFalse();
        assertThat(breakEven.breakEvenTokens()).isEqualTo(2_971_428_572L);
        assertThat(breakEven.workloadTokens()).isEqualTo(3_000_000_000L);
        assertThat(breakEven.workloadTokenSpendUsd()).isEqualTo(new BigDecimal("4965.00"));
        assertThat(breakEven.workloadUnits()).isEqualTo(50);
        assertThat(breakEven.workloadProvisionedUsd()).isEqualTo(new BigDecimal("13000.00"));
        assertThat(breakEven.provisionedPaysOff()).isFalse();
    }

    @Test
    void spendAboveDeploymentCostPaysOff() {
        // 3,000 million tokens on claude-sonnet-4-5: 0.75 x 3.00 + 0.25 x 15.00 = 6.00 USD per million, 18,000.00 a month.
        BreakEven breakEven = FORECASTER.forecast(largeOnly(3_000_000_000L, "claude-sonnet-4-5")).getBreakEven();

        assertThat(breakEven.workloadTokenSpendUsd()).isEqualTo(new BigDecimal("18000.00"));
        assertThat(breakEven.workloadUnits()).isEqualTo(50);
        assertThat(breakEven.workloadProvisionedUsd()).isEqualTo(new BigDecimal("13000.00"));
        assertThat(breakEven.provisionedPaysOff()).isTrue();
    }

    @Test
    void volumeBeyondMinimumNeedsMoreUnits() {
        // 5,000 million tokens on gpt-4.1: 0.75 x 2.00 + 0.25 x 8.00 = 3.50 USD per million, 17,500.00 a month. That is
        // above the minimum of 13,000.00, but 5,000,000,000 x 1.5 / 109,500,000 = 68.5 PTU, so 69 PTU at 17,940.00.
        BreakEven breakEven = FORECASTER.forecast(largeOnly(5_000_000_000L, "gpt-4.1")).getBreakEven();

        assertThat(breakEven.workloadTokenSpendUsd()).isEqualTo(new BigDecimal("17500.00"));
        assertThat(breakEven.workloadUnits()).isEqualTo(69);
        assertThat(breakEven.workloadProvisionedUsd()).isEqualTo(new BigDecimal("17940.00"));
        assertThat(breakEven.provisionedPaysOff()).isFalse();
    }
}
