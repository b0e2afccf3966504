package dev.aicostadvisor.report;

import java.util.List;

import dev.aicostadvisor.Evaluation;
import dev.aicostadvisor.model.Note;
import dev.aicostadvisor.model.NoteKind;
import dev.aicostadvisor.model.Phase;
import dev.aicostadvisor.model.Recommendation;

/** Writes an evaluation as Markdown: a table of outcomes per phase, then conflicts and notes. */
public final class MarkdownReport {

    private MarkdownReport() {
    }

    public static String render(Evaluation evaluation) {
        StringBuilder out = new StringBuilder();
        out.append("# ").append(escape(evaluation.scenario().getName())).append("\n\n");
        out.append(escape(TextReport.profile(evaluation.scenario()))).append("\n");
        if (evaluation.scenario().getDescription() != null) {
            out.append('\n').append(escape(evaluation.scenario().getDescription())).append('\n');
        }
        List<Note> conflicts = Conflicts.of(evaluation);
        for (Phase phase : Phase.values()) {
            out.append("\n## ").append(phase.title()).append("\n\n");
            List<Recommendation> outcomes = evaluation.inPhase(phase);
            if (outcomes.isEmpty()) {
                out.append("No outcome reached.\n");
                continue;
            }
            out.append("| Node | Outcome | Why | Rule |\n");
            out.append("| --- | --- | --- | --- |\n");
            for (Recommendation outcome : outcomes) {
                String why = escape(outcome.getRationale());
                List<String> partners = Conflicts.partnersOf(outcome.getNode(), conflicts);
                if (!partners.isEmpty()) {
                    why += " **Pulls apart from " + escape(String.join(", ", partners)) + ".**";
                }
                out.append("| `").append(outcome.getNode()).append("` | **").append(escape(outcome.getTitle())).append("**<br>")
                        .append(escape(outcome.getDetail())).append(" | ").append(why).append(" | ")
                        .append(escape(outcome.getRule() == null ? "" : outcome.getRule())).append(" |\n");
            }
        }
        if (!conflicts.isEmpty()) {
            out.append("\n## Where the phases pull apart\n\n");
            for (Note conflict : conflicts) {
                out.append("- **").append(String.join(" / ", conflict.getNodes())).append("**: ")
                        .append(escape(conflict.getText())).append('\n');
            }
        }
        ForecastMarkdown.render(out, evaluation);
        List<Note> others = evaluation.notes().stream().filter(note -> note.getKind() != NoteKind.CONFLICT).toList();
        if (!others.isEmpty()) {
            out.append("\n## Notes\n\n");
            for (Note note : others) {
                out.append("- ").append(escape(note.getText())).append('\n');
            }
        }
        return TextReport.printable(out);
    }

    /**
     * Escapes text for a Markdown table cell or paragraph, because scenario names, descriptions and rationales are
     * the scenario author's text. A backslash is escaped first so that it cannot cancel a later escape, and
     * {@code <}, {@code >} and {@code &} become entities so that no raw HTML reaches the page. Brackets,
     * backticks, asterisks, underscores and tildes are escaped so that a name cannot make a link, code,
     * emphasis or strikethrough.
     */
    static String escape(String text) {
        return text.replace("\\", "\\\\")
                .replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("|", "\\|").replace("\n", " ")
                .replace("[", "\\[").replace("]", "\\]").replace("`", "\\`").replace("*", "\\*")
                .replace("_", "\\_").replace("~", "\\~");
    }
}
