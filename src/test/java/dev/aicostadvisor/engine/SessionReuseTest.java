package dev.aicostadvisor.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;

import dev.aicostadvisor.Advisor;
import dev.aicostadvisor.Evaluation;
import dev.aicostadvisor.EvaluationException;
import dev.aicostadvisor.TestRules;
import dev.aicostadvisor.model.Budget;
import dev.aicostadvisor.model.GpuFleet;
import dev.aicostadvisor.model.Scenario;
import dev.aicostadvisor.rules.RuleCache;
import dev.aicostadvisor.rules.RuleCompiler;
import dev.aicostadvisor.rules.RuleFile;
import dev.aicostadvisor.rules.RuleLoader;
import dev.aicostadvisor.rules.RuleSource;
import dev.aicostadvisor.scenario.ScenarioReader;

/** Pooled sessions: nothing of one evaluation reaches the next on the same session. */
class SessionReuseTest {

    private static final Scenario SAAS = ScenarioReader.read(TestRules.SCENARIOS.resolve("saas-support-assistant.yaml"));

    // One rule that throws on a budget of 13 USD and one that loops on 14 USD, next to a rule that always fires.
    private static final String FAILING_RULES = """
            package phase1;

            import dev.aicostadvisor.model.Budget;
            import dev.aicostadvisor.model.Recommendation;

            rule "Small budget"
                ruleflow-group "phase1"
            when
                Budget(monthlyUsd < 10000)
            then
                insert(new Recommendation("SmallBudget", "below 10,000 USD"));
            end

            rule "Throws on 13"
                ruleflow-group "phase1"
            when
                Budget(monthlyUsd == 13)
            then
                throw new IllegalStateException("thirteen");
            end

            rule "Loops on 14"
                ruleflow-group "phase1"
            when
                $budget : Budget(monthlyUsd == 14)
            then
                update($budget);
            end
            """;

    @Test
    void listenerSeesOnlyItsOwnEvaluation() {
        Advisor advisor = TestRules.advisor();
        List<String> fired = new ArrayList<>();
        DefaultAgendaEventListener recorder = new DefaultAgendaEventListener() {
            @Override
            public void afterMatchFired(AfterMatchFiredEvent event) {
                fired.add(event.getMatch().getRule().getName());
            }
        };

        Evaluation traced = advisor.evaluate(SAAS, recorder);
        int firedOnce = fired.size();
        for (int i = 0; i < 5; i++) {
            advisor.evaluate(SAAS);
        }

        assertThat(firedOnce).isEqualTo(traced.ruleFirings());
        assertThat(fired).hasSize(firedOnce);
    }

    @Test
    void factsDoNotCarryOver() {
        Advisor advisor = TestRules.advisor();
        Scenario withFleet = SAAS.toBuilder().gpuFleet(new GpuFleet(16, new BigDecimal("42"), new BigDecimal("4.10"))).build();
        Evaluation fresh = advisor.evaluate(SAAS);

        Evaluation fleet = advisor.evaluate(withFleet);
        Evaluation afterFleet = advisor.evaluate(SAAS);

        assertThat(fleet.nodes()).contains("LowUtil", "Metrics2", "Optimize4");
        assertThat(afterFleet.nodes()).containsExactlyElementsOf(fresh.nodes());
        assertThat(afterFleet.recommendations()).isEqualTo(fresh.recommendations());
        assertThat(afterFleet.notes()).isEqualTo(fresh.notes());
        assertThat(afterFleet.ruleFirings()).isEqualTo(fresh.ruleFirings());
    }

    @Test
    void concurrentEvaluationsMatchSerialOnes() throws Exception {
        checkConcurrentEvaluations(TestRules.advisor());
    }

    @Test
    void concurrentEvaluationsOnLoadedRules(@TempDir Path cache) throws Exception {
        checkConcurrentEvaluations(Advisor.builder().rules(RuleLoader.load(RuleSource.directory(TestRules.RULES), RuleCache.at(cache))).build());
    }

    private static void checkConcurrentEvaluations(Advisor advisor) throws Exception {
        List<Scenario> fixtures = ScenarioReader.listScenarioFiles(TestRules.SCENARIOS).stream().map(ScenarioReader::read).toList();
        List<Evaluation> serial = fixtures.stream().map(advisor::evaluate).toList();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<String>>> workers = new ArrayList<>();
            for (int worker = 0; worker < 4; worker++) {
                workers.add(pool.submit(() -> {
                    List<String> mismatches = new ArrayList<>();
                    for (int round = 0; round < 30; round++) {
                        for (int i = 0; i < fixtures.size(); i++) {
                            Evaluation evaluation = advisor.evaluate(fixtures.get(i));
                            if (!evaluation.recommendations().equals(serial.get(i).recommendations())
                                    || !evaluation.notes().equals(serial.get(i).notes())) {
                                mismatches.add(fixtures.get(i).getName());
                            }
                        }
                    }
                    return mismatches;
                }));
            }
            for (Future<List<String>> worker : workers) {
                assertThat(worker.get(2, TimeUnit.MINUTES)).as("fixtures whose concurrent evaluation differed").isEmpty();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void failedEvaluationLeavesNextOneIntact() {
        RuleSource source = RuleSource.of("test rules", List.of(new RuleFile("phase1/rules.drl", "rules/phase1/rules.drl", FAILING_RULES)));
        Advisor advisor = Advisor.builder().rules(RuleCompiler.compile(source)).maxFirings(50).build();
        Scenario small = SAAS.toBuilder().budget(new Budget(new BigDecimal("5000"), null)).build();
        Scenario throwing = SAAS.toBuilder().budget(new Budget(new BigDecimal("13"), null)).build();
        Scenario looping = SAAS.toBuilder().budget(new Budget(new BigDecimal("14"), null)).build();

        Evaluation before = advisor.evaluate(small);
        assertThatThrownBy(() -> advisor.evaluate(throwing)).isInstanceOf(EvaluationException.class)
                .hasMessageContaining("rule \"Throws on 13\" failed");
        Evaluation afterThrow = advisor.evaluate(small);
        assertThatThrownBy(() -> advisor.evaluate(looping)).isInstanceOf(EvaluationException.class)
                .hasMessageContaining("stopped after 50 rule firings in phase1");
        Evaluation afterLoop = advisor.evaluate(small);

        assertThat(before.nodes()).containsExactly("SmallBudget");
        assertThat(afterThrow.nodes()).containsExactly("SmallBudget");
        assertThat(afterLoop.nodes()).containsExactly("SmallBudget");
        assertThat(afterLoop.ruleFirings()).isEqualTo(before.ruleFirings());
    }
}
