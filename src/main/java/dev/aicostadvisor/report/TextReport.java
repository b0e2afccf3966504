package dev.aicostadvisor.report;

import java.util.ArrayList;
import java.util.List;

import dev.aicostadvisor.Evaluation;
import dev.aicostadvisor.model.Note;
import dev.aicostadvisor.model.NoteKind;
import dev.aicostadvisor.model.Phase;
import dev.aicostadvisor.model.Recommendation;
import dev.aicostadvisor.model.Scenario;
import dev.aicostadvisor.rules.RuleText;

/**
 * Writes an evaluation for a person: the outcomes grouped by phase, each with its title and the reason it was
 * reached, then where the phases pull apart and the notes.
 */
public final class TextReport {

    private static final int WIDTH = 100;
    private static final int NODE_COLUMN = 15;

    private TextReport() {
    }

    public static String render(Evaluation evaluation) {
        StringBuilder out = new StringBuilder();
        Scenario scenario = evaluation.scenario();
        out.append(oneLine(scenario.getName())).append('\n');
        out.append("  ").append(profile(scenario)).append('\n');
        if (scenario.getDescription() != null) {
            wrap(out, scenario.getDescription(), "  ", "  ");
        }

        List<Note> conflicts = Conflicts.of(evaluation);
        for (Phase phase : Phase.values()) {
            List<Recommendation> outcomes = evaluation.inPhase(phase);
            out.append('\n').append(phase.title()).append('\n');
            if (outcomes.isEmpty()) {
                out.append("  (no outcome reached)\n");
            }
            for (Recommendation outcome : outcomes) {
                String head = "  " + pad(outcome.getNode(), NODE_COLUMN) + outcome.getTitle();
                out.append(head).append('\n');
                String indent = " ".repeat(2 + NODE_COLUMN);
                wrap(out, outcome.getRationale(), indent, indent);
                List<String> partners = Conflicts.partnersOf(outcome.getNode(), conflicts);
                if (!partners.isEmpty()) {
                    out.append(indent).append("! pulls apart from ").append(String.join(", ", partners))
                            .append(": see below\n");
                }
            }
        }

        if (!conflicts.isEmpty()) {
            out.append("\nWhere the phases pull apart\n");
            for (Note conflict : conflicts) {
                wrap(out, String.join(" / ", conflict.getNodes()) + ": " + conflict.getText(), "  ! ", "    ");
            }
        }
        ForecastText.render(out, evaluation);
        List<Note> others = evaluation.notes().stream().filter(note -> note.getKind() != NoteKind.CONFLICT).toList();
        if (!others.isEmpty()) {
            out.append("\nNotes\n");
            for (Note note : others) {
                wrap(out, note.getText(), "  - ", "    ");
            }
        }
        return printable(out);
    }

    /**
     * Shows control characters other than the line feed as {@code \\uXXXX}, so that a scenario's name or an
     * organisation's cannot move the cursor, recolour the terminal or hide lines of the report.
     */
    static String printable(CharSequence text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean control = c != '\n' && (Character.getType(c) == Character.CONTROL || Character.getType(c) == Character.FORMAT && c != '\u200d');
            if (control && out == null) {
                out = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (out != null) {
                if (control) {
                    out.append(String.format("\\u%04x", (int) c));
                } else {
                    out.append(c);
                }
            }
        }
        return out == null ? text.toString() : out.toString();
    }

    /** Shows a line feed in a name as {@code \\u000a}, so that a name cannot add lines to the report. */
    static String oneLine(String name) {
        return name.replace("\n", "\\u000a");
    }

    static String profile(Scenario scenario) {
        List<String> parts = new ArrayList<>();
        String org = scenario.getOrg().getName() == null ? null : oneLine(scenario.getOrg().getName());
        parts.add((org == null ? "The organisation" : org) + ": " + RuleText.months(scenario.getOrg().getAiMaturityMonths())
                + " of AI work, " + RuleText.count(scenario.getOrg().getAiEngineers())
                + (scenario.getOrg().getAiEngineers() == 1 ? " AI engineer" : " AI engineers"));
        parts.add("budget " + RuleText.usd(scenario.getBudget().getMonthlyUsd()) + " a month");
        parts.add(RuleText.count(scenario.getWorkload().getTokensPerMonth()) + " tokens a month");
        if (scenario.getGpuFleet() != null) {
            parts.add(RuleText.gpus(scenario.getGpuFleet().getGpus()));
        }
        return String.join("; ", parts);
    }

    private static String pad(String text, int width) {
        return text.length() >= width ? text + " " : text + " ".repeat(width - text.length());
    }

    /** Wraps text at the report width, with one prefix on the first line and another on the rest. */
    static void wrap(StringBuilder out, String text, String firstPrefix, String restPrefix) {
        String prefix = firstPrefix;
        StringBuilder line = new StringBuilder();
        for (String word : text.split("\\s+")) {
            if (line.length() > 0 && prefix.length() + line.length() + 1 + word.length() > WIDTH) {
                out.append(prefix).append(line).append('\n');
                prefix = restPrefix;
                line.setLength(0);
            }
            if (line.length() > 0) {
                line.append(' ');
            }
            line.append(word);
        }
        if (line.length() > 0) {
            out.append(prefix).append(line).append('\n');
        }
    }
}
