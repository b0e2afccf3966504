package dev.aicostadvisor.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import dev.aicostadvisor.model.Flowchart;
import dev.aicostadvisor.model.FlowchartNode;
import dev.aicostadvisor.model.Note;
import dev.aicostadvisor.model.NoteKind;
import dev.aicostadvisor.model.Recommendation;

/**
 * Reads the JSON that {@link JsonReport} writes back into recommendations and notes, for programs that
 * compare or post-process reports.
 *
 * <p>Reading checks the report against the flowchart catalogue: every node id must exist, and the phase,
 * title and detail written with it must be the catalogue's, so a report from another version of the
 * flowchart is rejected instead of misread. Errors are {@link IllegalArgumentException}s whose message
 * names the field, such as {@code recommendations[3].node}.
 */
public final class JsonReportReader {

    /** One report read back: the scenario's name, its outcomes in report order, and its notes. */
    public record Report(String scenario, List<Recommendation> recommendations, List<Note> notes) {
        public Report {
            recommendations = List.copyOf(recommendations);
            notes = List.copyOf(notes);
        }
    }

    private JsonReportReader() {
    }

    /**
     * Reads one report, as written by {@code --format json} for one scenario or by one line of
     * {@code --format jsonl}.
     *
     * @throws IllegalArgumentException when the text is not a report of this flowchart
     */
    public static Report read(String json) {
        return readReport(parse(json), "");
    }

    /**
     * Reads every report of a batch: a JSON array, as {@code --format json} writes for several scenarios,
     * or JSON Lines, one report per line, where blank lines are skipped.
     *
     * @throws IllegalArgumentException when a report is invalid; the message names the line or array index
     */
    public static List<Report> readAll(String text) {
        String trimmed = text.strip();
        List<Report> reports = new ArrayList<>();
        if (trimmed.startsWith("[")) {
            JsonNode array = parse(trimmed);
            for (int i = 0; i < array.size(); i++) {
                reports.add(readReport(array.get(i), "[" + i + "]."));
            }
            return reports;
        }
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            try {
                reports.add(read(lines[i]));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("line " + (i + 1) + ": " + e.getMessage(), e);
            }
        }
        return reports;
    }

    private static JsonNode parse(String json) {
        try {
            return JsonReport.MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("malformed JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static Report readReport(JsonNode root, String prefix) {
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException(prefix + "expected a report object with scenario, recommendations and notes");
        }
        String scenario = text(root, "scenario", prefix + "scenario", false);
        List<Recommendation> recommendations = new ArrayList<>();
        JsonNode items = array(root, "recommendations", prefix);
        for (int i = 0; i < items.size(); i++) {
            recommendations.add(readRecommendation(items.get(i), prefix + "recommendations[" + i + "]"));
        }
        List<Note> notes = new ArrayList<>();
        JsonNode noteItems = array(root, "notes", prefix);
        for (int i = 0; i < noteItems.size(); i++) {
            notes.add(readNote(noteItems.get(i), prefix + "notes[" + i + "]"));
        }
        return new Report(scenario, recommendations, notes);
    }

    private static Recommendation readRecommendation(JsonNode item, String path) {
        String id = text(item, "node", path + ".node", false);
        Optional<FlowchartNode> found = Flowchart.findNode(id);
        if (found.isEmpty()) {
            throw new IllegalArgumentException(path + ".node: '" + id + "' is not a flowchart node");
        }
        FlowchartNode node = found.get();
        requireSame(item, "phase", node.phase().group(), path);
        requireSame(item, "title", node.title(), path);
        requireSame(item, "detail", node.detail(), path);
        return new Recommendation(id, text(item, "rationale", path + ".rationale", false), text(item, "rule", path + ".rule", true));
    }

    private static Note readNote(JsonNode item, String path) {
        String kindName = text(item, "kind", path + ".kind", false);
        NoteKind kind;
        try {
            kind = NoteKind.valueOf(kindName.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(path + ".kind: '" + kindName + "' is not a note kind; expected conflict, not_measured or assumption", e);
        }
        List<String> nodes = new ArrayList<>();
        JsonNode ids = array(item, "nodes", path + ".");
        for (int i = 0; i < ids.size(); i++) {
            String id = ids.get(i).asText();
            if (!ids.get(i).isTextual() || Flowchart.findNode(id).isEmpty()) {
                throw new IllegalArgumentException(path + ".nodes[" + i + "]: " + ids.get(i) + " is not a flowchart node");
            }
            nodes.add(id);
        }
        return new Note(kind, text(item, "text", path + ".text", false), nodes);
    }

    private static void requireSame(JsonNode item, String field, String expected, String path) {
        String actual = text(item, field, path + "." + field, false);
        if (!actual.equals(expected)) {
            throw new IllegalArgumentException(path + "." + field + ": '" + actual + "' differs from the flowchart's '" + expected
                    + "'; the report comes from another version of the flowchart");
        }
    }

    private static String text(JsonNode parent, String field, String path, boolean nullable) {
        JsonNode value = parent == null ? null : parent.get(field);
        if (value == null || value.isNull()) {
            if (nullable) {
                return null;
            }
            throw new IllegalArgumentException(path + ": missing");
        }
        if (!value.isTextual()) {
            throw new IllegalArgumentException(path + ": expected text, found " + value);
        }
        return value.asText();
    }

    private static JsonNode array(JsonNode parent, String field, String prefix) {
        JsonNode value = parent.get(field);
        if (value == null || !value.isArray()) {
            throw new IllegalArgumentException(prefix + field + ": expected a list");
        }
        return value;
    }
}
