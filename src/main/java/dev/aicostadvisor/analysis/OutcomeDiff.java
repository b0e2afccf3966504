package dev.aicostadvisor.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

import dev.aicostadvisor.Evaluation;
import dev.aicostadvisor.model.Flowchart;
import dev.aicostadvisor.model.FlowchartNode;
import dev.aicostadvisor.model.Note;
import dev.aicostadvisor.model.Recommendation;

/**
 * How the evaluation of one scenario differs between two rule sets: the nodes that only one of them
 * reaches, the notes that only one of them writes, and the nodes that both reach with another rationale
 * or rule.
 *
 * @param nodes      the node changes, in flowchart order
 * @param notes      the note changes, removed notes first
 */
public record OutcomeDiff(List<NodeChange> nodes, List<NoteChange> notes) {

    /** How a node differs. */
    public enum Kind {
        /** Only the base rules reach it. */
        REMOVED,
        /** Only the changed rules reach it. */
        ADDED,
        /** Both reach it, with another rationale or rule. */
        EXPLAINED_DIFFERENTLY
    }

    /**
     * One node that differs.
     *
     * @param kind   how it differs
     * @param node   the node
     * @param before its outcome under the base rules, or {@code null} when they do not reach it
     * @param after  its outcome under the changed rules, or {@code null} when they do not reach it
     */
    public record NodeChange(Kind kind, FlowchartNode node, Recommendation before, Recommendation after) {
    }

    /**
     * One note that only one rule set writes.
     *
     * @param added whether the changed rules write it, as opposed to only the base rules
     * @param note  the note
     */
    public record NoteChange(boolean added, Note note) {
    }

    public OutcomeDiff {
        nodes = List.copyOf(nodes);
        notes = List.copyOf(notes);
    }

    /** Compares the evaluation of one scenario under the base rules with its evaluation under the changed rules. */
    public static OutcomeDiff between(Evaluation base, Evaluation changed) {
        Map<String, Recommendation> before = byNode(base);
        Map<String, Recommendation> after = byNode(changed);
        TreeSet<FlowchartNode> all = new TreeSet<>(Comparator.comparingInt(FlowchartNode::order));
        before.keySet().forEach(id -> all.add(Flowchart.node(id)));
        after.keySet().forEach(id -> all.add(Flowchart.node(id)));

        List<NodeChange> nodes = new ArrayList<>();
        for (FlowchartNode node : all) {
            Recommendation was = before.get(node.id());
            Recommendation now = after.get(node.id());
            if (now == null) {
                nodes.add(new NodeChange(Kind.REMOVED, node, was, null));
            } else if (was == null) {
                nodes.add(new NodeChange(Kind.ADDED, node, null, now));
            } else if (!was.getRationale().equals(now.getRationale()) || !Objects.equals(was.getRule(), now.getRule())) {
                nodes.add(new NodeChange(Kind.EXPLAINED_DIFFERENTLY, node, was, now));
            }
        }

        List<NoteChange> notes = new ArrayList<>();
        for (Note note : base.notes()) {
            if (!changed.notes().contains(note)) {
                notes.add(new NoteChange(false, note));
            }
        }
        for (Note note : changed.notes()) {
            if (!base.notes().contains(note)) {
                notes.add(new NoteChange(true, note));
            }
        }
        return new OutcomeDiff(nodes, notes);
    }

    /** Tells whether the rule sets reach different nodes or write different notes. */
    public boolean outcomesDiffer() {
        return !notes.isEmpty() || nodes.stream().anyMatch(change -> change.kind() != Kind.EXPLAINED_DIFFERENTLY);
    }

    /** Tells whether some node that both rule sets reach has another rationale or rule. */
    public boolean explanationsDiffer() {
        return nodes.stream().anyMatch(change -> change.kind() == Kind.EXPLAINED_DIFFERENTLY);
    }

    private static Map<String, Recommendation> byNode(Evaluation evaluation) {
        Map<String, Recommendation> byNode = new LinkedHashMap<>();
        for (Recommendation recommendation : evaluation.recommendations()) {
            byNode.put(recommendation.getNode(), recommendation);
        }
        return byNode;
    }
}
