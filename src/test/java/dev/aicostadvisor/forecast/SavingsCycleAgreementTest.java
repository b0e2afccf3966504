package dev.aicostadvisor.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import dev.aicostadvisor.Advisor;
import dev.aicostadvisor.Evaluation;
import dev.aicostadvisor.TestRules;
import dev.aicostadvisor.scenario.ScenarioReader;

/**
 * The savings estimate's worst case and the iterate loop's first cycle apply the same shares to the same token
 * spend when the cycle applies the same techniques, so they must print the same amount to the cent.
 */
class SavingsCycleAgreementTest {

    private static final Advisor ADVISOR = TestRules.advisor();

    private static Evaluation evaluate(String file) {
        return ADVISOR.evaluate(ScenarioReader.read(Path.of(file)));
    }

    @Test
    void chatbotWorstCaseMatchesCycle() {
        // 4,965.00 x 0.6 x 0.8 x 0.6 (Routing, Cache, SmallModel) x 0.8 (TokenOpt) = 4,965 x 0.2304 = 1,143.936.
        Evaluation evaluation = evaluate("scenarios/consumer-chatbot-growth.yaml");

        assertThat(evaluation.savings().getMonthlyAfterWorstUsd()).isEqualTo(new BigDecimal("1143.94"));
        assertThat(evaluation.iteration().cycles().get(0).forecastMonthlyUsd()).isEqualTo(new BigDecimal("1143.94"));
    }

    @Test
    void unroundedClassCostsRoundOnce() {
        // The arithmetic is written out in the fixture: the small class costs 10.095, shown as 10.10.
        Evaluation evaluation = evaluate("src/test/resources/forecast/cold-cache-captions.yaml");

        assertThat(evaluation.forecast().getClassCosts()).extracting(ClassCost::monthlyUsd)
                .containsExactly(new BigDecimal("201.90"), new BigDecimal("121.14"), new BigDecimal("10.10"));
        assertThat(evaluation.forecast().getTokenSpendUsd()).isEqualTo(new BigDecimal("333.14"));
        assertThat(evaluation.savings().getMonthlyAfterWorstUsd()).isEqualTo(new BigDecimal("95.94"));
        assertThat(evaluation.iteration().cycles()).hasSize(1);
        assertThat(evaluation.iteration().cycles().get(0).forecastMonthlyUsd()).isEqualTo(new BigDecimal("95.94"));
    }
}
