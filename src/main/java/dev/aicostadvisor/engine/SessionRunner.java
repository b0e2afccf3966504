package dev.aicostadvisor.engine;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.kie.api.KieBase;
import org.kie.api.event.rule.AgendaEventListener;
import org.kie.api.event.rule.DefaultRuleRuntimeEventListener;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.ConsequenceException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.aicostadvisor.Evaluation;
import dev.aicostadvisor.EvaluationException;
import dev.aicostadvisor.model.Note;
import dev.aicostadvisor.model.NoteKind;
import dev.aicostadvisor.model.Phase;
import dev.aicostadvisor.model.Recommendation;
import dev.aicostadvisor.model.Scenario;

/**
 * Runs one evaluation in its own session: inserts the scenario's facts, fires the agenda group of each
 * phase in flowchart order, and collects the recommendations and notes. The session is released in every
 * case, also when a rule throws or the firing limits are hit: back to the {@link SessionPool} after a
 * completed evaluation, destroyed after a failed one.
 */
public final class SessionRunner {

    private static final Logger LOG = LoggerFactory.getLogger(SessionRunner.class);

    private final int maxFirings;
    private final long timeLimitNanos;
    private final SessionPool sessions = new SessionPool();

    /**
     * @param maxFirings     the most rule firings one evaluation may take
     * @param timeLimitNanos the longest one evaluation may fire rules, in nanoseconds
     */
    public SessionRunner(int maxFirings, long timeLimitNanos) {
        if (maxFirings < 1) {
            throw new IllegalArgumentException("maxFirings must be at least 1, was " + maxFirings);
        }
        if (timeLimitNanos < 1) {
            throw new IllegalArgumentException("the time limit must be positive, was " + timeLimitNanos + " ns");
        }
        this.maxFirings = maxFirings;
        this.timeLimitNanos = timeLimitNanos;
    }

    /**
     * Supplies facts that depend on the outcomes so far, inserted just before a phase fires; the forecast's
     * savings estimate, for example, needs the techniques Phase 3 recommends.
     */
    @FunctionalInterface
    public interface PhaseHook {
        /** Returns the facts to insert before the phase, or an empty collection. */
        Collection<?> before(Phase phase, Set<String> nodesReached);

        PhaseHook NONE = (phase, nodesReached) -> List.of();
    }

    /**
     * Evaluates a scenario through every phase.
     *
     * @param extraFacts   facts to insert besides the scenario's own, such as a forecast
     * @param listener     an extra agenda listener, such as a tracer for {@code explain}, or {@code null}
     */
    public Evaluation run(KieBase kieBase, Scenario scenario, Collection<?> extraFacts, AgendaEventListener listener) {
        return run(kieBase, scenario, List.of(Phase.values()), extraFacts, PhaseHook.NONE, listener);
    }

    /**
     * Evaluates a scenario through some of the phases, in the given order. Outcomes of earlier phases may be
     * passed in {@code extraFacts}; they keep the rule names they carry.
     */
    public Evaluation run(KieBase kieBase, Scenario scenario, List<Phase> phases, Collection<?> extraFacts,
                          PhaseHook hook, AgendaEventListener listener) {
        KieSession session = sessions.open(kieBase);
        boolean completed = false;
        FiringGuard guard = new FiringGuard(maxFirings, System.nanoTime() + timeLimitNanos);
        InsertionRecorder insertions = new InsertionRecorder();
        try {
            session.addEventListener(guard);
            session.addEventListener(insertions);
            if (listener != null) {
                session.addEventListener(listener);
            }
            insertFacts(session, scenario, extraFacts);
            for (Phase phase : phases) {
                for (Object fact : hook.before(phase, insertions.nodes())) {
                    session.insert(fact);
                }
                firePhase(session, phase, scenario, guard);
            }
            Evaluation evaluation = collect(scenario, insertions, guard.firings());
            completed = true;
            return evaluation;
        } catch (ConsequenceException e) {
            String rule = e.getMatch() == null ? null : e.getMatch().getRule().getName();
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new EvaluationException("rule \"" + rule + "\" failed on scenario '" + scenario.getName() + "': "
                    + cause.getClass().getSimpleName() + ": " + cause.getMessage(), scenario.getName(), rule, cause);
        } finally {
            SessionPool.release(session, completed);
        }
    }

    /** Disposes of the pooled idle sessions; the runner opens a new pool if it evaluates again. */
    public void shutdown() {
        sessions.shutdown();
    }

    private static void insertFacts(KieSession session, Scenario scenario, Collection<?> extraFacts) {
        session.insert(scenario.getOrg());
        session.insert(scenario.getBudget());
        session.insert(scenario.getWorkload());
        session.insert(scenario.getMetrics());
        if (scenario.getGpuFleet() != null) {
            session.insert(scenario.getGpuFleet());
        }
        for (Object fact : extraFacts) {
            session.insert(fact);
        }
    }

    private void firePhase(KieSession session, Phase phase, Scenario scenario, FiringGuard guard) {
        session.getAgenda().getAgendaGroup(phase.group()).setFocus();
        int allowed = guard.remaining();
        int fired = session.fireAllRules(allowed);
        if (guard.timedOut()) {
            long limitMillis = timeLimitNanos / 1_000_000;
            long ranMillis = guard.elapsedNanos() / 1_000_000;
            throw new EvaluationException("evaluation of scenario '" + scenario.getName() + "' stopped after "
                    + limitMillis + " ms in " + phase.group() + (ranMillis > limitMillis + 1000 ? " (it ran " + ranMillis
                    + " ms in all, because the time limit is checked between rule firings)" : "")
                    + "; the rules that fired last: " + guard.lastRules(), scenario.getName(), guard.lastRule(), null);
        }
        if (fired >= allowed) {
            throw new EvaluationException("evaluation of scenario '" + scenario.getName() + "' stopped after "
                    + maxFirings + (maxFirings == 1 ? " rule firing in " : " rule firings in ") + phase.group()
                    + "; the rules that fired last: " + guard.lastRules()
                    + ". A rule that modifies a fact it matches fires again each time: add no-loop or a guard condition, "
                    + "or raise the limit if these rules need more firings",
                    scenario.getName(), guard.lastRule(), null);
        }
        if (LOG.isDebugEnabled()) {
            LOG.debug("Scenario '{}': {} fired {} rules", scenario.getName(), phase.group(), fired);
        }
    }

    /** Collects the outcomes in flowchart order, merging outcomes that several rules reached for the same node. */
    private static Evaluation collect(Scenario scenario, InsertionRecorder insertions, int firings) {
        Map<String, List<Recommendation>> byNode = new LinkedHashMap<>();
        Set<Note> notes = new LinkedHashSet<>();
        for (InsertionRecorder.Inserted inserted : insertions.inserted()) {
            Object fact = inserted.fact();
            if (fact instanceof Recommendation recommendation) {
                byNode.computeIfAbsent(recommendation.getNode(), node -> new ArrayList<>())
                        .add(inserted.rule() == null ? recommendation : recommendation.withRule(inserted.rule()));
            } else if (fact instanceof Note note) {
                notes.add(note);
            }
        }
        List<Recommendation> recommendations = new ArrayList<>();
        for (List<Recommendation> same : byNode.values()) {
            recommendations.add(merge(same));
        }
        recommendations.sort(Comparator.comparingInt(Recommendation::getOrder));
        List<Note> sortedNotes = new ArrayList<>(notes);
        sortedNotes.sort(Comparator.comparing(Note::getKind, Comparator.comparingInt(NoteKind::ordinal)));
        return new Evaluation(scenario, recommendations, sortedNotes, firings);
    }

    private static Recommendation merge(List<Recommendation> same) {
        if (same.size() == 1) {
            return same.get(0);
        }
        Set<String> rationales = new LinkedHashSet<>();
        Set<String> rules = new LinkedHashSet<>();
        for (Recommendation recommendation : same) {
            rationales.add(recommendation.getRationale());
            if (recommendation.getRule() != null) {
                rules.add(recommendation.getRule());
            }
        }
        return new Recommendation(same.get(0).getNode(), String.join(" ", rationales),
                rules.isEmpty() ? null : String.join("; ", rules));
    }

    /** Records which rule inserted each recommendation and note, in insertion order. */
    private static final class InsertionRecorder extends DefaultRuleRuntimeEventListener {
        private final List<Inserted> inserted = new ArrayList<>();

        record Inserted(Object fact, String rule) {
        }

        @Override
        public void objectInserted(ObjectInsertedEvent event) {
            Object fact = event.getObject();
            if (fact instanceof Recommendation || fact instanceof Note) {
                inserted.add(new Inserted(fact, event.getRule() == null ? null : event.getRule().getName()));
            }
        }

        List<Inserted> inserted() {
            return inserted;
        }

        /** Returns the ids of the nodes reached so far. */
        Set<String> nodes() {
            Set<String> nodes = new LinkedHashSet<>();
            for (Inserted entry : inserted) {
                if (entry.fact() instanceof Recommendation recommendation) {
                    nodes.add(recommendation.getNode());
                }
            }
            return nodes;
        }
    }
}
