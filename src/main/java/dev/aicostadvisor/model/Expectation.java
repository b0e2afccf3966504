package dev.aicostadvisor.model;

import java.util.List;

/**
 * What a fixture expects of its evaluation, checked by {@code advisor check}.
 *
 * @param present node ids that must be reached
 * @param absent  node ids that must not be reached
 */
public record Expectation(List<String> present, List<String> absent) {

    public Expectation {
        present = List.copyOf(present);
        absent = List.copyOf(absent);
    }
}
