package dev.aicostadvisor.model;

import java.util.List;
import java.util.Objects;

/**
 * A remark in a report that is not an outcome: where phases disagree, which metric was not measured, or
 * which default was assumed. Rules insert notes as facts, like recommendations.
 */
public final class Note {

    private final NoteKind kind;
    private final String text;
    private final List<String> nodes;

    /**
     * @param kind  what the note is about
     * @param text  the note, as one or two sentences
     * @param nodes the ids of the flowchart nodes it concerns, if any
     */
    public Note(NoteKind kind, String text, String... nodes) {
        this(kind, text, List.of(nodes));
    }

    public Note(NoteKind kind, String text, List<String> nodes) {
        this.kind = Objects.requireNonNull(kind, "kind");
        this.text = Objects.requireNonNull(text, "text");
        this.nodes = List.copyOf(nodes);
        for (String node : this.nodes) {
            Flowchart.node(node);
        }
    }

    public NoteKind getKind() {
        return kind;
    }

    public String getText() {
        return text;
    }

    public List<String> getNodes() {
        return nodes;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Note that && kind == that.kind && text.equals(that.text) && nodes.equals(that.nodes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, text, nodes);
    }

    @Override
    public String toString() {
        return kind + ": " + text;
    }
}
