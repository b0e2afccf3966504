package dev.aicostadvisor.forecast;

import java.math.BigDecimal;
import java.util.List;

/**
 * One cycle of the iterate loop: the figures it adjusted, the forecast after them, and how the outcomes of
 * Phases 2 to 4 and the success check changed against the cycle before.
 *
 * @param number             the cycle's number, from 1 for the first cycle after the evaluation
 * @param adjustments        the figures changed
 * @param forecastMonthlyUsd this month's forecast on the adjusted figures
 * @param added              nodes reached now but not before
 * @param removed            nodes reached before but not now
 * @param nodes              every node reached in this cycle, in flowchart order
 */
public record Cycle(int number, List<Adjustment> adjustments, BigDecimal forecastMonthlyUsd, List<String> added,
                    List<String> removed, List<String> nodes) {

    public Cycle {
        adjustments = List.copyOf(adjustments);
        added = List.copyOf(added);
        removed = List.copyOf(removed);
        nodes = List.copyOf(nodes);
    }
}
