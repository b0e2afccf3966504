package dev.aicostadvisor.analysis;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.runtime.rule.Match;
import org.kie.api.runtime.rule.RuleRuntime;

/**
 * An agenda listener that records every rule firing of one evaluation: the rule, the facts it matched, the
 * values of its bound variables, and the facts its consequence inserted. Pass a new trace to
 * {@code Advisor.evaluate(scenario, trace)} for each evaluation; a trace is not thread-safe.
 *
 * <p>The facts in working memory when the first rule fires are the scenario's inputs. After each firing,
 * the facts that were not there before are credited to that firing. A fact that a consequence modifies in
 * place keeps the values it has at the end of the evaluation.
 */
public final class FiringTrace extends DefaultAgendaEventListener {

    /**
     * One rule firing.
     *
     * @param sequence its position among the evaluation's firings, from 1
     * @param rule     the rule name
     * @param matched  the facts of the match, as {@link Match#getObjects()} returns them
     * @param bindings the bound variables ({@code $usd} and so on) and their values
     * @param inserted the facts that the consequence inserted
     */
    public record Firing(int sequence, String rule, List<Object> matched, Map<String, Object> bindings, List<Object> inserted) {
    }

    private final List<Firing> firings = new ArrayList<>();
    private final Map<Object, Firing> producers = new IdentityHashMap<>();
    private Set<Object> seen;
    private List<Object> inputs = List.of();
    private Match pending;
    private Map<String, Object> pendingBindings;
    private long factCount;

    @Override
    public void beforeMatchFired(BeforeMatchFiredEvent event) {
        RuleRuntime runtime = event.getKieRuntime();
        if (seen == null) {
            seen = Collections.newSetFromMap(new IdentityHashMap<>());
            seen.addAll(runtime.getObjects());
            inputs = List.copyOf(seen);
            factCount = runtime.getFactCount();
        }
        pending = event.getMatch();
        // Bindings are read before the consequence runs, so that they show what the rule matched.
        pendingBindings = new LinkedHashMap<>();
        for (String id : pending.getDeclarationIds()) {
            pendingBindings.put(id, pending.getDeclarationValue(id));
        }
    }

    @Override
    public void afterMatchFired(AfterMatchFiredEvent event) {
        RuleRuntime runtime = event.getKieRuntime();
        List<Object> inserted = new ArrayList<>();
        long count = runtime.getFactCount();
        if (count != factCount) {
            for (Object fact : runtime.getObjects()) {
                if (seen.add(fact)) {
                    inserted.add(fact);
                }
            }
            factCount = count;
        }
        Match match = pending != null ? pending : event.getMatch();
        Firing firing = new Firing(firings.size() + 1, match.getRule().getName(), List.copyOf(withoutNulls(match.getObjects())),
                Collections.unmodifiableMap(pendingBindings == null ? Map.of() : pendingBindings), List.copyOf(inserted));
        firings.add(firing);
        for (Object fact : inserted) {
            producers.put(fact, firing);
        }
        pending = null;
        pendingBindings = null;
    }

    /** Returns every firing, in the order the rules fired. */
    public List<Firing> firings() {
        return Collections.unmodifiableList(firings);
    }

    /** Returns the facts that were in working memory before the first rule fired: the scenario's inputs. */
    public List<Object> inputs() {
        return inputs;
    }

    /** Tells whether a fact is one of the scenario's inputs, compared by identity. */
    public boolean isInput(Object fact) {
        for (Object input : inputs) {
            if (input == fact) {
                return true;
            }
        }
        return false;
    }

    /** Returns the firing whose consequence inserted a fact, compared by identity. */
    public Optional<Firing> producerOf(Object fact) {
        return Optional.ofNullable(producers.get(fact));
    }

    private static List<Object> withoutNulls(List<Object> objects) {
        List<Object> kept = new ArrayList<>(objects.size());
        for (Object object : objects) {
            if (object != null) {
                kept.add(object);
            }
        }
        return kept;
    }
}
