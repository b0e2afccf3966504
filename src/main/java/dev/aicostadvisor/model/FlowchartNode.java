package dev.aicostadvisor.model;

/**
 * An outcome node of the decision flowchart.
 *
 * @param id       the stable node id, such as {@code Vendor1}; the contract between rules, reports and fixtures
 * @param decision the id of the decision that reaches it
 * @param phase    the phase it belongs to
 * @param title    a short title
 * @param detail   the node's text from the flowchart, as sentences
 * @param order    its position in flowchart order, starting at 0
 */
public record FlowchartNode(String id, String decision, Phase phase, String title, String detail, int order) {
}
