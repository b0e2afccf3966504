package dev.aicostadvisor.sweep;

import java.util.List;
import java.util.Map;

/**
 * The findings of a sweep.
 *
 * @param scenarios   how many scenarios were evaluated, failed ones included
 * @param failed      how many failed to evaluate, because a rule threw or hit the firing limits
 * @param firstError  the first failed scenario's number and error, or {@code null} when none failed
 * @param outcomes    for each decision id in flowchart order, how many scenarios reached each outcome
 * @param edges       where an outcome changes along a numeric input, or between two values of a choice
 * @param edgeEvaluations how many more scenarios were evaluated to locate the edges exactly: between grid
 *                    values, and for a sample along each input through the base scenario
 * @param elapsedNanos how long the evaluations took, edge search included
 * @param threads     how many threads evaluated scenarios
 */
public record SweepResult(long scenarios, long failed, String firstError, Map<String, List<OutcomeCount>> outcomes, List<Edge> edges,
                          long edgeEvaluations, long elapsedNanos, int threads) {

    /**
     * How many scenarios reached one outcome of a decision.
     *
     * @param outcome the nodes reached, joined by '+', or "(none)"
     */
    public record OutcomeCount(String outcome, long scenarios) {
    }

    /**
     * A place along one input where a decision's outcome changes.
     *
     * @param input    the varied input
     * @param decision the decision id, such as {@code Q2}
     * @param from     the outcome up to {@code last}
     * @param to       the outcome from {@code first}
     * @param last     the last value with {@code from}, as written in scenario files
     * @param first    the first value with {@code to}; for numbers it is {@code last} plus the input's resolution
     * @param lines    on how many grid lines this change was seen, other inputs held at their grid values
     * @param checked  on how many of those lines this edge was located or confirmed by evaluation
     * @param linesAlongInput how many grid lines run along the input in total
     */
    public record Edge(String input, String decision, String from, String to, String last, String first, long lines,
                       long checked, long linesAlongInput) {
    }
}
