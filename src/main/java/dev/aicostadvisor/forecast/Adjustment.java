package dev.aicostadvisor.forecast;

/**
 * One figure that a cycle of the iterate loop changes before it reruns the phases.
 *
 * @param field  the figure, named as in the scenario, such as {@code workload.tokensPerMonth}
 * @param before its value before the cycle, formatted
 * @param after  its value after, formatted
 * @param reason the outcome whose expected effect changed it, and by how much
 */
public record Adjustment(String field, String before, String after, String reason) {
}
