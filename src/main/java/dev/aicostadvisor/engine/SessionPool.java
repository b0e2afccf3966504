package dev.aicostadvisor.engine;

import java.util.ArrayList;

import org.kie.api.KieBase;
import org.kie.api.event.rule.AgendaEventListener;
import org.kie.api.event.rule.RuleRuntimeEventListener;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionsPool;

/**
 * Reuses sessions between evaluations instead of building a new one each time: creating a session and
 * its segment memories was about a fifth of an evaluation in a JFR profile of the shipped rules. Sessions come from the KieBase's own
 * {@link KieSessionsPool}: disposing of a pooled session resets it (facts, agenda, focus stack and
 * memories) and puts it back in the pool.
 *
 * <p>The pool follows the KieBase that the caller passes, so rules swapped in by a reload get a pool of
 * their own and the old pool is left to the garbage collector with its KieBase.
 *
 * <p>NOTE: sessions keep Drools' default {@code ThreadSafeOption.YES}. With {@code NO}, Drools 10.2.0
 * failed consequences with a NullPointerException in {@code DroolsImpl.getMatch()} when two threads
 * evaluated on separate pooled sessions at once, so the locking it would save stays.
 */
final class SessionPool {

    private static final int INITIAL_SIZE = 2;

    private volatile Entry current;

    private record Entry(KieBase kieBase, KieSessionsPool pool) {
    }

    /** Takes a session for the KieBase from the pool, or creates one when every pooled session is in use. */
    KieSession open(KieBase kieBase) {
        Entry entry = current;
        if (entry == null || entry.kieBase() != kieBase) {
            entry = new Entry(kieBase, kieBase.newKieSessionsPool(INITIAL_SIZE));
            current = entry;
        }
        return entry.pool().newKieSession();
    }

    /**
     * Disposes of the idle pooled sessions, so that the KieBase holds none. A session still in use is
     * disposed when it is released.
     */
    void shutdown() {
        Entry entry = current;
        current = null;
        if (entry != null) {
            entry.pool().shutdown();
        }
    }

    /**
     * Returns a session to its pool after removing every listener that the evaluation added, so that no
     * listener sees a later evaluation. A session whose evaluation failed, because a rule threw or the
     * guard halted it, is destroyed instead of reused: failures are rare, and a fresh session cannot
     * carry any state of theirs.
     */
    static void release(KieSession session, boolean reusable) {
        if (!reusable) {
            session.destroy();
            return;
        }
        for (AgendaEventListener listener : new ArrayList<>(session.getAgendaEventListeners())) {
            session.removeEventListener(listener);
        }
        for (RuleRuntimeEventListener listener : new ArrayList<>(session.getRuleRuntimeEventListeners())) {
            session.removeEventListener(listener);
        }
        session.dispose();
    }
}
