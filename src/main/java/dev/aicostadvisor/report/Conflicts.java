package dev.aicostadvisor.report;

import java.util.ArrayList;
import java.util.List;

import dev.aicostadvisor.Evaluation;
import dev.aicostadvisor.model.Note;
import dev.aicostadvisor.model.NoteKind;

/** Finds the notes where the phases' outcomes pull apart. */
final class Conflicts {

    private Conflicts() {
    }

    static List<Note> of(Evaluation evaluation) {
        return evaluation.notes().stream().filter(note -> note.getKind() == NoteKind.CONFLICT).toList();
    }

    /** Returns the other nodes that a node conflicts with. */
    static List<String> partnersOf(String node, List<Note> conflicts) {
        List<String> partners = new ArrayList<>();
        for (Note conflict : conflicts) {
            if (conflict.getNodes().contains(node)) {
                for (String other : conflict.getNodes()) {
                    if (!other.equals(node) && !partners.contains(other)) {
                        partners.add(other);
                    }
                }
            }
        }
        return partners;
    }
}
