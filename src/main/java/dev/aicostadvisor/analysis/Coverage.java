package dev.aicostadvisor.analysis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;

import dev.aicostadvisor.Advisor;
import dev.aicostadvisor.Evaluation;
import dev.aicostadvisor.model.Flowchart;
import dev.aicostadvisor.model.FlowchartNode;
import dev.aicostadvisor.model.Scenario;
import dev.aicostadvisor.rules.CompiledRules;
import dev.aicostadvisor.rules.RuleInfo;

/**
 * Which rules a scenario suite fires and how often, which rules it never fires, and which flowchart nodes
 * it never reaches. Add each scenario with {@link #evaluate}; not thread-safe.
 */
public final class Coverage {

    /**
     * How often one rule fired.
     *
     * @param rule      the rule
     * @param firings   its firings over every scenario
     * @param scenarios how many scenarios fired it at least once
     */
    public record RuleCount(RuleInfo rule, int firings, int scenarios) {
    }

    private final CompiledRules rules;
    private final Map<String, Integer> firings = new HashMap<>();
    private final Map<String, Integer> scenariosByRule = new HashMap<>();
    private final Set<String> reachedNodes = new HashSet<>();
    private int scenarios;

    public Coverage(CompiledRules rules) {
        this.rules = rules;
    }

    /**
     * Evaluates a scenario with the advisor, counting its rule firings, and returns the evaluation.
     *
     * @throws dev.aicostadvisor.EvaluationException when a rule fails; nothing of the scenario is counted then
     */
    public Evaluation evaluate(Advisor advisor, Scenario scenario) {
        Map<String, Integer> counted = new HashMap<>();
        Evaluation evaluation = advisor.evaluate(scenario, new DefaultAgendaEventListener() {
            @Override
            public void afterMatchFired(AfterMatchFiredEvent event) {
                counted.merge(event.getMatch().getRule().getName(), 1, Integer::sum);
            }
        });
        counted.forEach((rule, count) -> {
            firings.merge(rule, count, Integer::sum);
            scenariosByRule.merge(rule, 1, Integer::sum);
        });
        reachedNodes.addAll(evaluation.nodes());
        scenarios++;
        return evaluation;
    }

    /** Returns how many scenarios were counted. */
    public int scenarios() {
        return scenarios;
    }

    /** Returns every rule that fired, sorted by file and line. */
    public List<RuleCount> fired() {
        List<RuleCount> fired = new ArrayList<>();
        for (RuleInfo rule : rules.rules()) {
            int count = firings.getOrDefault(rule.name(), 0);
            if (count > 0) {
                fired.add(new RuleCount(rule, count, scenariosByRule.get(rule.name())));
            }
        }
        return fired;
    }

    /** Returns the rules that no scenario fired, sorted by file and line: dead rules, or rules no scenario tests. */
    public List<RuleInfo> neverFired() {
        return rules.rules().stream().filter(rule -> !firings.containsKey(rule.name())).toList();
    }

    /** Returns the flowchart's outcome nodes that no scenario reached, in flowchart order. */
    public List<FlowchartNode> unreachedNodes() {
        return Flowchart.nodes().stream().filter(node -> !reachedNodes.contains(node.id())).toList();
    }

    /** Tells whether every rule fired and every node was reached. */
    public boolean complete() {
        return neverFired().isEmpty() && unreachedNodes().isEmpty();
    }
}
