package dev.aicostadvisor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.aicostadvisor.model.Scenario;
import dev.aicostadvisor.rules.CompiledRules;
import dev.aicostadvisor.rules.InvalidRulesException;
import dev.aicostadvisor.rules.RuleCompiler;
import dev.aicostadvisor.rules.RuleProblem;
import dev.aicostadvisor.rules.RuleSource;
import dev.aicostadvisor.scenario.ScenarioReader;

/** Reloading an embedded advisor's rules: on request, and watched, while other threads keep evaluating. */
class HotReloadTest {

    /** How long a test waits for a reload; generous, because compiling takes seconds on a busy machine. */
    static final Duration WAIT = Duration.ofMinutes(2);
    static final String ADV3_RULE = "Adv3: infrastructure optimisation";
    static final Scenario SAAS = ScenarioReader.read(Path.of("scenarios/saas-support-assistant.yaml"));

    /** Collects the reload events of an advisor, for a test to wait on them in order. */
    static final class Events implements ReloadListener {
        private final BlockingQueue<Object> queue = new LinkedBlockingQueue<>();

        @Override
        public void reloaded(CompiledRules rules, long version) {
            queue.add(rules);
        }

        @Override
        public void reloadFailed(InvalidRulesException error) {
            queue.add(error);
        }

        <T> T next(Class<T> expected) throws InterruptedException {
            Object event = queue.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            assertThat(event).as("a reload event within %s", WAIT).isInstanceOf(expected);
            return expected.cast(event);
        }
    }

    /** Loads a copy of the shipped rules from the compiled module, so that the test compiles only its edits. */
    static CompiledRules loadCopy(Path rules) {
        return RuleCompiler.load(RuleSource.directory(rules), TestRules.shipped().moduleBytes());
    }

    static Advisor watching(Path rules, Events events) {
        return Advisor.builder().rules(loadCopy(rules)).hotReload(true).reloadQuietPeriod(Duration.ofMillis(100))
                .reloadListener(events).build();
    }

    static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime() - deadline).as("waiting for %s", what).isNegative();
            Thread.sleep(10);
        }
    }

    @Test
    void removedRuleComesBack(@TempDir Path folder) throws Exception {
        Path rules = TestRules.copyRules(folder.resolve("rules"));
        Path file = rules.resolve("phase4/advanced_techniques.drl");
        String original = Files.readString(file);
        String adv3 = original.substring(original.indexOf("// Network, storage and vector database tuning."));
        Events events = new Events();

        try (Advisor advisor = watching(rules, events)) {
            Files.writeString(file, original.replace(adv3, ""));
            CompiledRules without = events.next(CompiledRules.class);

            assertThat(advisor.rules()).isSameAs(without);
            assertThat(advisor.rulesVersion()).isEqualTo(1);
            assertThat(without.rule(ADV3_RULE)).isEmpty();
            assertThat(without.ruleCount()).isEqualTo(TestRules.shipped().ruleCount() - 1);
            assertThat(advisor.evaluate(SAAS).nodes()).contains("Adv2").doesNotContain("Adv3");

            Files.writeString(file, original);
            CompiledRules with = events.next(CompiledRules.class);

            assertThat(advisor.rules()).isSameAs(with);
            assertThat(advisor.rulesVersion()).isEqualTo(2);
            assertThat(with.rule(ADV3_RULE)).isPresent();
            assertThat(with.source().hash()).isEqualTo(TestRules.shipped().source().hash());
            assertThat(advisor.evaluate(SAAS).nodes()).contains("Adv2", "Adv3");
        }
    }

    @Test
    void replacedFolderIsWatchedAgain(@TempDir Path folder) throws Exception {
        Path rules = TestRules.copyRules(folder.resolve("rules"));
        Path staging = TestRules.copyRules(folder.resolve("staging"));
        Path file = staging.resolve("phase4/advanced_techniques.drl");
        String original = Files.readString(file);
        Files.writeString(file, original.substring(0, original.indexOf("// Network, storage and vector database tuning.")));
        Events events = new Events();

        try (Advisor advisor = watching(rules, events)) {
            // A deployment that swaps in a new rules folder by renaming, as a release script might.
            Files.move(rules, folder.resolve("previous"));
            Files.move(staging, rules);

            Object event = events.next(Object.class);
            if (event instanceof InvalidRulesException missing) {
                assertThat(missing).hasMessageStartingWith("rules folder not found: " + rules.toAbsolutePath().normalize());
                event = events.next(Object.class);
            }
            assertThat(event).isInstanceOf(CompiledRules.class);
            assertThat(advisor.rules().rule(ADV3_RULE)).isEmpty();
            assertThat(advisor.evaluate(SAAS).nodes()).doesNotContain("Adv3");
        }
    }

    /** The nodes one worker evaluation returned, with the step of the test during which the evaluation started. */
    record WorkerResult(int step, Set<String> nodes) {
    }

    @Test
    void keepsEvaluatingDuringGoodAndBrokenReload(@TempDir Path folder) throws Exception {
        Path rules = TestRules.copyRules(folder.resolve("rules"));
        Events events = new Events();
        AtomicInteger step = new AtomicInteger();
        AtomicBoolean stop = new AtomicBoolean();
        ConcurrentLinkedQueue<WorkerResult> results = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
        ExecutorService workers = Executors.newFixedThreadPool(4);

        try (Advisor advisor = watching(rules, events)) {
            Set<String> before = advisor.evaluate(SAAS).nodes();
            for (int i = 0; i < 4; i++) {
                workers.submit(() -> {
                    while (!stop.get()) {
                        int current = step.get();
                        try {
                            results.add(new WorkerResult(current, advisor.evaluate(SAAS).nodes()));
                        } catch (Throwable e) {
                            failures.add(e);
                        }
                    }
                });
            }
            await("results before the edit", () -> count(results, 0) >= 20);

            // Step 1: a good edit that moves the scenario's 45,000 USD budget into the small band.
            step.set(1);
            TestRules.replace(rules.resolve("phase1/budget.drl"), "new BigDecimal(\"10000\")", "new BigDecimal(\"50000\")");
            CompiledRules edited = events.next(CompiledRules.class);
            Set<String> after = Advisor.builder().rules(edited).build().evaluate(SAAS).nodes();
            step.set(2);
            await("results after the good reload", () -> count(results, 2) >= 20);

            // Step 3: a broken edit, which must leave the edited rules in use.
            step.set(3);
            TestRules.replace(rules.resolve("phase1/budget.drl"), "Budget($usd : monthlyUsd < $small)", "Budget($usd : monthlyUsd < $small");
            InvalidRulesException broken = events.next(InvalidRulesException.class);
            step.set(4);
            await("results after the broken reload", () -> count(results, 4) >= 20);
            stop.set(true);
            workers.shutdown();
            assertThat(workers.awaitTermination(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isTrue();

            assertThat(failures).isEmpty();
            assertThat(before).contains("MedBudget", "Vendor2");
            assertThat(after).contains("SmallBudget", "Vendor1").doesNotContain("MedBudget");
            for (WorkerResult result : results) {
                switch (result.step()) {
                    case 0 -> assertThat(result.nodes()).as("result before the edit").isEqualTo(before);
                    case 1 -> assertThat(result.nodes()).as("result during the reload").isIn(before, after);
                    default -> assertThat(result.nodes()).as("result after the reload, step %s", result.step()).isEqualTo(after);
                }
            }
            assertThat(broken.problems()).extracting(RuleProblem::toString).containsExactly(rules
                    + "/phase1/budget.drl:31:1: [ERR 102] Line 31:0 mismatched input 'then' in rule \"Q2 SmallBudget: budget below the small threshold\"");
            assertThat(advisor.rules()).isSameAs(edited);
            assertThat(advisor.rulesVersion()).isEqualTo(1);
        } finally {
            stop.set(true);
            workers.shutdownNow();
        }
    }

    @Test
    void reloadOnRequestKeepsRulesWhenBroken(@TempDir Path folder) {
        Path rules = TestRules.copyRules(folder.resolve("rules"));
        CompiledRules loaded = loadCopy(rules);
        Advisor advisor = Advisor.builder().rules(loaded).build();

        assertThat(advisor.reload()).as("reload of unchanged files").isFalse();

        TestRules.replace(rules.resolve("phase2/performance.drl"), "latencyTargetMs > $batch", "latencyTargetMss > $batch");

        assertThatThrownBy(advisor::reload).isInstanceOfSatisfying(InvalidRulesException.class, error ->
                assertThat(error.problems()).extracting(RuleProblem::toString).containsExactly(rules
                        + "/phase2/performance.drl:54:14: in rule \"TB2 Batch: latency target above the batch threshold\": "
                        + "Unable to parse left part of expression: $target : latencyTargetMss > $batch"));
        assertThat(advisor.rules()).isSameAs(loaded);
        assertThat(advisor.rulesVersion()).isZero();
        assertThat(advisor.evaluate(SAAS).nodes()).contains("Interactive");
    }

    @Test
    void hotReloadNeedsRulesFolder() {
        CompiledRules inMemory = RuleCompiler.load(RuleSource.of("rules in memory", TestRules.shipped().source().files()),
                TestRules.shipped().moduleBytes());

        assertThatThrownBy(() -> Advisor.builder().rules(inMemory).hotReload(true).build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("the rules came from rules in memory, which is no folder on disk, so they cannot be reloaded; "
                        + "build the advisor from RuleSource.directory(folder)");
        assertThatThrownBy(() -> Advisor.builder().rules(inMemory).build().reload()).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void closeStopsWatcherThread(@TempDir Path folder) throws IOException {
        Path rules = TestRules.copyRules(folder.resolve("rules"));
        String threadName = "advisor-rules-watcher[" + rules.toAbsolutePath().normalize() + "]";
        Advisor advisor = watching(rules, new Events());

        assertThat(watcherThreads(threadName)).hasSize(1);

        advisor.close();

        assertThat(watcherThreads(threadName)).isEmpty();
        assertThat(advisor.evaluate(SAAS).nodes()).contains("Deploy5");
    }

    static List<Thread> watcherThreads(String name) {
        List<Thread> found = new ArrayList<>();
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.getName().equals(name) && thread.isAlive()) {
                found.add(thread);
            }
        }
        return found;
    }

    static long count(ConcurrentLinkedQueue<WorkerResult> results, int step) {
        return results.stream().filter(result -> result.step() == step).count();
    }
}
