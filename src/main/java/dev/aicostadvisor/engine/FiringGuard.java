package dev.aicostadvisor.engine;

import java.util.ArrayList;
import java.util.List;

import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.runtime.KieSession;

/**
 * Counts rule firings, remembers the last few rule names and halts the session once the time limit has
 * passed. The limit is checked after each firing.
 *
 * <p>NOTE: a consequence that never returns, such as an endless loop in its Java code, is not stopped:
 * the session can only be halted between firings.
 */
final class FiringGuard extends DefaultAgendaEventListener {

    private static final int REMEMBERED = 6;

    private final int maxFirings;
    private final long start;
    private final long deadline;
    private final String[] last = new String[REMEMBERED];
    private int firings;
    private boolean timedOut;

    FiringGuard(int maxFirings, long deadlineNanos) {
        this.maxFirings = maxFirings;
        this.start = System.nanoTime();
        this.deadline = deadlineNanos;
    }

    /** Returns how long the evaluation has run, in nanoseconds. */
    long elapsedNanos() {
        return System.nanoTime() - start;
    }

    @Override
    public void afterMatchFired(AfterMatchFiredEvent event) {
        last[firings % REMEMBERED] = event.getMatch().getRule().getName();
        firings++;
        if (System.nanoTime() - deadline > 0) {
            timedOut = true;
            ((KieSession) event.getKieRuntime()).halt();
        }
    }

    int firings() {
        return firings;
    }

    /** Returns how many firings are left of the evaluation's allowance, at least 1. */
    int remaining() {
        return Math.max(1, maxFirings - firings);
    }

    boolean timedOut() {
        return timedOut;
    }

    String lastRule() {
        return firings == 0 ? null : last[(firings - 1) % REMEMBERED];
    }

    /** Returns the names of the rules that fired last, oldest first, with repeats counted. */
    String lastRules() {
        List<String> names = new ArrayList<>();
        int count = Math.min(firings, REMEMBERED);
        for (int i = firings - count; i < firings; i++) {
            names.add("\"" + last[i % REMEMBERED] + "\"");
        }
        return String.join(", ", names);
    }
}
