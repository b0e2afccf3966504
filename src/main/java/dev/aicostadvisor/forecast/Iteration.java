package dev.aicostadvisor.forecast;

import java.util.List;

/**
 * The record of the iterate loop: the cycles it ran after the evaluation and why it stopped. A scenario whose
 * success check reaches no Optimize outcome runs no cycle.
 *
 * @param cycles     the cycles run, in order
 * @param stopReason why no further cycle ran, as a sentence
 */
public record Iteration(List<Cycle> cycles, String stopReason) {

    public Iteration {
        cycles = List.copyOf(cycles);
    }
}
