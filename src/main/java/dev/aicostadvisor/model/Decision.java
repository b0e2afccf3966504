package dev.aicostadvisor.model;

import java.util.List;

/**
 * A decision point of the flowchart (a diamond or a track) with its outcome nodes.
 *
 * @param id       the flowchart id, such as {@code Q2} or {@code FinalDeploy}
 * @param phase    the phase whose agenda group holds its rules
 * @param question what the decision asks, in the flowchart's words
 * @param kind     how many outcomes it may reach
 * @param outcomes the ids of its outcome nodes, in flowchart order
 * @param input    the scenario field that a banded or single-choice decision reads, or {@code null}
 */
public record Decision(String id, Phase phase, String question, DecisionKind kind, List<String> outcomes, String input) {

    public Decision {
        outcomes = List.copyOf(outcomes);
    }
}
