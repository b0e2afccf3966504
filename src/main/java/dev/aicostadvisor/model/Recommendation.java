package dev.aicostadvisor.model;

import java.util.Objects;

/**
 * An outcome of the flowchart that a scenario reaches: the node, why it was reached, and the rule that
 * reached it. Rules insert recommendations as facts, and the rules of the next decision match them, as the
 * flowchart's arrows do.
 *
 * <p>Title, detail, phase and decision come from the {@link Flowchart} catalogue. The rule name is set by
 * the advisor after the evaluation, from the rule that inserted the fact; a recommendation made in a rule
 * consequence therefore passes only the node id and its rationale.
 */
public final class Recommendation {

    private final FlowchartNode node;
    private final String rationale;
    private final String rule;

    /**
     * @param node      the flowchart node id, such as {@code Deploy5}
     * @param rationale the input values and thresholds that decided it
     * @throws IllegalArgumentException when the node id is not in the flowchart
     */
    public Recommendation(String node, String rationale) {
        this(node, rationale, null);
    }

    public Recommendation(String node, String rationale, String rule) {
        this.node = Flowchart.node(Objects.requireNonNull(node, "node"));
        this.rationale = Objects.requireNonNull(rationale, "rationale");
        this.rule = rule;
    }

    /** Returns a copy that names the rule which produced it. */
    public Recommendation withRule(String ruleName) {
        return new Recommendation(node.id(), rationale, ruleName);
    }

    /** Returns the flowchart node id, such as {@code Deploy5}. */
    public String getNode() {
        return node.id();
    }

    /** Returns the id of the decision that reached this node, such as {@code FinalDeploy}. */
    public String getDecision() {
        return node.decision();
    }

    public Phase getPhase() {
        return node.phase();
    }

    public String getTitle() {
        return node.title();
    }

    public String getDetail() {
        return node.detail();
    }

    public String getRationale() {
        return rationale;
    }

    /** Returns the name of the rule that produced it, or {@code null} when it was made outside the rules. */
    public String getRule() {
        return rule;
    }

    /** Returns the position of the node in flowchart order, for sorting. */
    public int getOrder() {
        return node.order();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Recommendation that
                && node.equals(that.node)
                && rationale.equals(that.rationale)
                && Objects.equals(rule, that.rule);
    }

    @Override
    public int hashCode() {
        return Objects.hash(node.id(), rationale, rule);
    }

    @Override
    public String toString() {
        return node.id() + " (" + rule + "): " + rationale;
    }
}
