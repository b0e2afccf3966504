package dev.aicostadvisor;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import dev.aicostadvisor.forecast.Forecast;
import dev.aicostadvisor.forecast.Iteration;
import dev.aicostadvisor.forecast.SavingsEstimate;
import dev.aicostadvisor.model.Note;
import dev.aicostadvisor.model.Phase;
import dev.aicostadvisor.model.Recommendation;
import dev.aicostadvisor.model.Scenario;

/**
 * The result of evaluating one scenario: the outcomes it reaches, in flowchart order, and the notes of the
 * report. Immutable.
 */
public final class Evaluation {

    private final Scenario scenario;
    private final List<Recommendation> recommendations;
    private final List<Note> notes;
    private final int ruleFirings;
    private final Forecast forecast;
    private final SavingsEstimate savings;
    private final Iteration iteration;

    public Evaluation(Scenario scenario, List<Recommendation> recommendations, List<Note> notes, int ruleFirings) {
        this(scenario, recommendations, notes, ruleFirings, null, null, null);
    }

    private Evaluation(Scenario scenario, List<Recommendation> recommendations, List<Note> notes, int ruleFirings,
                       Forecast forecast, SavingsEstimate savings, Iteration iteration) {
        this.scenario = scenario;
        this.recommendations = List.copyOf(recommendations);
        this.notes = List.copyOf(notes);
        this.ruleFirings = ruleFirings;
        this.forecast = forecast;
        this.savings = savings;
        this.iteration = iteration;
    }

    /** Returns a copy that carries the cost forecast, its savings estimate and the iterate loop's cycles. */
    public Evaluation withForecast(Forecast forecastValue, SavingsEstimate savingsValue, Iteration iterationValue) {
        return new Evaluation(scenario, recommendations, notes, ruleFirings, forecastValue, savingsValue, iterationValue);
    }

    /** Returns the cost forecast, or {@code null} for an evaluation made without one. */
    public Forecast forecast() {
        return forecast;
    }

    /** Returns the expected savings of the recommended techniques, or {@code null} without a forecast. */
    public SavingsEstimate savings() {
        return savings;
    }

    /** Returns the next cycles of the iterate loop, or {@code null} without a forecast. */
    public Iteration iteration() {
        return iteration;
    }

    public Scenario scenario() {
        return scenario;
    }

    /** Returns the outcomes reached, one per node, in flowchart order. */
    public List<Recommendation> recommendations() {
        return recommendations;
    }

    public List<Note> notes() {
        return notes;
    }

    /** Returns how many rule firings the evaluation took. */
    public int ruleFirings() {
        return ruleFirings;
    }

    /** Returns the ids of the nodes reached, in flowchart order. */
    public Set<String> nodes() {
        Set<String> nodes = new LinkedHashSet<>();
        for (Recommendation recommendation : recommendations) {
            nodes.add(recommendation.getNode());
        }
        return nodes;
    }

    public boolean reached(String node) {
        return recommendations.stream().anyMatch(r -> r.getNode().equals(node));
    }

    /** Returns the outcomes of one phase, in flowchart order. */
    public List<Recommendation> inPhase(Phase phase) {
        return recommendations.stream().filter(r -> r.getPhase() == phase).toList();
    }

    /** Returns the outcome of one decision, such as {@code FinalDeploy}, in flowchart order. */
    public List<Recommendation> ofDecision(String decision) {
        return recommendations.stream().filter(r -> r.getDecision().equals(decision)).toList();
    }

    @Override
    public String toString() {
        return "Evaluation[" + scenario.getName() + ": " + String.join(", ", nodes()) + "]";
    }
}
