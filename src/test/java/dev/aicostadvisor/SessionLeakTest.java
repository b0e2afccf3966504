package dev.aicostadvisor;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.aicostadvisor.model.Scenario;
import dev.aicostadvisor.rules.CompiledRules;
import dev.aicostadvisor.scenario.ScenarioReader;

/**
 * 100,000 evaluations through one advisor, failing ones included, leave no session in the KieBase and no
 * growth of the heap. This is a memory check, not a speed check: it asserts no durations.
 */
class SessionLeakTest {

    private static final int EVALUATIONS = 100_000;
    /** Evaluations before the baseline is taken, so that lazily built engine structures already exist. */
    private static final int WARM_UP = 2_000;
    /** One evaluation in this many uses the throwing rule. */
    private static final int THROW_EVERY = 10;
    /** One evaluation in this many uses the looping rule, which stops at the firing limit. */
    private static final int LOOP_EVERY = 1_000;
    /**
     * How far the heap after GC may rise over the baseline. A leak of 21 bytes per evaluation, far less
     * than one retained session or fact, adds more than this over 100,000 evaluations. On the machine this
     * was written on, the measured rise was under 4 KiB, so the margin covers noise such as class-loading
     * caches with room to spare.
     */
    private static final long HEAP_TOLERANCE_BYTES = 2L * 1024 * 1024;

    @Test
    void manyEvaluationsLeaveNoSessionsOrHeap() {
        CompiledRules rules = FaultyRules.compiled();
        Advisor advisor = Advisor.builder().rules(rules).maxFirings(500).build();
        List<Scenario> fixtures = new ArrayList<>();
        for (Path file : ScenarioReader.listScenarioFiles(TestRules.SCENARIOS)) {
            fixtures.add(ScenarioReader.read(file));
        }

        evaluate(advisor, fixtures, WARM_UP);
        long baseline = usedHeapAfterGc();
        Counts counts = evaluate(advisor, fixtures, EVALUATIONS);
        long after = usedHeapAfterGc();

        assertThat(counts.failed()).isEqualTo(EVALUATIONS / THROW_EVERY + EVALUATIONS / LOOP_EVERY);
        assertThat(counts.succeeded()).isEqualTo(EVALUATIONS - counts.failed());
        assertThat(EvaluationLimitsTest.openSessions(rules.kieBase()))
                .as("sessions kept idle in the pool of a single-threaded advisor").hasSizeLessThanOrEqualTo(2);
        advisor.close();
        assertThat(EvaluationLimitsTest.openSessions(rules.kieBase())).as("sessions after close()").isEmpty();
        assertThat(after - baseline)
                .as("rise of the heap after GC, from %,d to %,d bytes, over %,d evaluations", baseline, after, EVALUATIONS)
                .isLessThan(HEAP_TOLERANCE_BYTES);
    }

    record Counts(int succeeded, int failed) {
    }

    /** Evaluates the fixtures in turn, with a throwing or looping scenario in between at fixed intervals. */
    private static Counts evaluate(Advisor advisor, List<Scenario> fixtures, int count) {
        Scenario throwing = FaultyRules.throwing(AdvisorTest.saasAssistant());
        Scenario looping = FaultyRules.triggering(AdvisorTest.saasAssistant(), FaultyRules.LOOP_TRIGGER);
        int succeeded = 0;
        int failed = 0;
        for (int i = 0; i < count; i++) {
            Scenario scenario;
            if (i % LOOP_EVERY == 1) {
                scenario = looping;
            } else if (i % THROW_EVERY == 0) {
                scenario = throwing;
            } else {
                scenario = fixtures.get(i % fixtures.size());
            }
            try {
                advisor.evaluate(scenario);
                succeeded++;
            } catch (EvaluationException e) {
                failed++;
            }
        }
        return new Counts(succeeded, failed);
    }

    /**
     * Returns the heap in use after full collections, the least of several readings.
     *
     * <p>NOTE: this relies on {@code System.gc()} running a full collection, as HotSpot does unless it is
     * started with {@code -XX:+DisableExplicitGC} or {@code -XX:+ExplicitGCInvokesConcurrent}.
     */
    private static long usedHeapAfterGc() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long least = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            least = Math.min(least, memory.getHeapMemoryUsage().getUsed());
        }
        return least;
    }
}
