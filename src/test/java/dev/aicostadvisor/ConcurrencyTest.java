package dev.aicostadvisor;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import dev.aicostadvisor.model.Scenario;
import dev.aicostadvisor.scenario.ScenarioReader;

/**
 * Many threads evaluate every fixture many times through one shared advisor. Every result must equal the
 * result of the same scenario evaluated alone on one thread, with the same outcomes, rationales, rules,
 * notes and number of rule firings.
 */
class ConcurrencyTest {

    private static final int THREADS = 8;
    private static final int ROUNDS = 40;

    /** What an evaluation produced, compared in full. */
    record Result(List<?> recommendations, List<?> notes, int ruleFirings, String failure) {
        static Result of(Evaluation evaluation) {
            return new Result(evaluation.recommendations(), evaluation.notes(), evaluation.ruleFirings(), null);
        }

        static Result failed(EvaluationException e) {
            return new Result(List.of(), List.of(), 0, e.getMessage());
        }
    }

    /** Evaluates a scenario, turning an evaluation error into a result so that failures are compared too. */
    static Result evaluate(Advisor advisor, Scenario scenario) {
        try {
            return Result.of(advisor.evaluate(scenario));
        } catch (EvaluationException e) {
            return Result.failed(e);
        }
    }

    @Test
    void sharedAdvisorGivesSingleThreadedResults() throws Exception {
        Advisor advisor = Advisor.builder().rules(FaultyRules.compiled()).maxFirings(500).build();
        Map<String, Scenario> scenarios = new LinkedHashMap<>();
        for (Path file : ScenarioReader.listScenarioFiles(TestRules.SCENARIOS)) {
            scenarios.put(file.toString(), ScenarioReader.read(file));
        }
        // A failing evaluation on one thread must not disturb the others.
        scenarios.put("throwing rule", FaultyRules.throwing(AdvisorTest.saasAssistant()));
        scenarios.put("looping rule", FaultyRules.triggering(AdvisorTest.saasAssistant(), FaultyRules.LOOP_TRIGGER));

        Map<String, Result> expected = new LinkedHashMap<>();
        scenarios.forEach((name, scenario) -> expected.put(name, evaluate(advisor, scenario)));

        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<List<String>>> futures = new ArrayList<>();
        try {
            for (int thread = 0; thread < THREADS; thread++) {
                int offset = thread;
                Callable<List<String>> task = () -> {
                    start.await();
                    List<String> mismatches = new ArrayList<>();
                    List<String> names = new ArrayList<>(scenarios.keySet());
                    for (int round = 0; round < ROUNDS; round++) {
                        for (int i = 0; i < names.size(); i++) {
                            // Each thread walks the scenarios from its own starting point, so that different
                            // scenarios run at the same moment.
                            String name = names.get((i + offset + round) % names.size());
                            if (!evaluate(advisor, scenarios.get(name)).equals(expected.get(name))) {
                                mismatches.add(name + " in round " + round);
                            }
                        }
                    }
                    return mismatches;
                };
                futures.add(pool.submit(task));
            }
            start.countDown();
            List<String> mismatches = new ArrayList<>();
            for (Future<List<String>> future : futures) {
                mismatches.addAll(future.get(5, TimeUnit.MINUTES));
            }

            assertThat(mismatches).as("evaluations that differ from the single-threaded result").isEmpty();
        } finally {
            pool.shutdownNow();
        }
        assertThat(expected.get("throwing rule").failure()).startsWith("rule \"" + FaultyRules.THROWING_RULE + "\" failed");
        assertThat(expected.get("looping rule").failure()).contains("stopped after 500 rule firings");
        assertThat(EvaluationLimitsTest.openSessions(advisor.rules().kieBase()))
                .as("sessions kept idle in the pool, at most one per thread").hasSizeLessThanOrEqualTo(THREADS);
        advisor.close();
        assertThat(EvaluationLimitsTest.openSessions(advisor.rules().kieBase())).as("sessions after close()").isEmpty();
    }
}
