package dev.aicostadvisor.report;

import java.util.Locale;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.aicostadvisor.Evaluation;
import dev.aicostadvisor.model.Note;
import dev.aicostadvisor.model.Recommendation;

/**
 * Writes an evaluation as JSON:
 * {@code {"scenario": NAME, "source": FILE, "recommendations": [{"node", "phase", "title", "detail", "rationale", "rule"}], "notes": [...],
 * "forecast": {...}, "iteration": {...}}}. Each note is {@code {"kind", "text", "nodes"}}; the forecast and the iterate
 * loop are described in {@link ForecastJson}. The source, left out when unknown, is the scenario's file, or
 * {@code stdin:LINE} for a line of JSON Lines, so that a script can match each report to its input.
 */
public final class JsonReport {

    static final ObjectMapper MAPPER = new ObjectMapper();
    private static final ObjectMapper PRETTY = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonReport() {
    }

    /** Builds the JSON tree of an evaluation, with the scenario's own source. */
    public static ObjectNode toJson(Evaluation evaluation) {
        return toJson(evaluation, evaluation.scenario().getSource());
    }

    /** Builds the JSON tree of an evaluation of the scenario read from {@code source}, which may be null. */
    public static ObjectNode toJson(Evaluation evaluation, String source) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("scenario", evaluation.scenario().getName());
        if (source != null) {
            root.put("source", source);
        }
        ArrayNode recommendations = root.putArray("recommendations");
        for (Recommendation recommendation : evaluation.recommendations()) {
            ObjectNode item = recommendations.addObject();
            item.put("node", recommendation.getNode());
            item.put("phase", recommendation.getPhase().group());
            item.put("title", recommendation.getTitle());
            item.put("detail", recommendation.getDetail());
            item.put("rationale", recommendation.getRationale());
            item.put("rule", recommendation.getRule());
        }
        ArrayNode notes = root.putArray("notes");
        for (Note note : evaluation.notes()) {
            ObjectNode item = notes.addObject();
            item.put("kind", note.getKind().name().toLowerCase(Locale.ROOT));
            item.put("text", note.getText());
            ArrayNode nodes = item.putArray("nodes");
            note.getNodes().forEach(nodes::add);
        }
        ForecastJson.put(root, evaluation.forecast(), evaluation.savings(), evaluation.iteration());
        return root;
    }

    /** Writes an evaluation as one indented JSON document. */
    public static String render(Evaluation evaluation) {
        return render(evaluation, evaluation.scenario().getSource());
    }

    /** Writes an evaluation of the scenario read from {@code source} as one indented JSON document. */
    public static String render(Evaluation evaluation, String source) {
        return write(PRETTY, toJson(evaluation, source));
    }

    /** Writes an evaluation as one line of JSON, for JSON Lines, with the scenario's own source. */
    public static String renderLine(Evaluation evaluation) {
        return renderLine(evaluation, evaluation.scenario().getSource());
    }

    /** Writes an evaluation of the scenario read from {@code source} as one line of JSON, for JSON Lines. */
    public static String renderLine(Evaluation evaluation, String source) {
        return write(MAPPER, toJson(evaluation, source));
    }

    static String write(ObjectMapper mapper, Object tree) {
        try {
            return mapper.writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the JSON report: " + e.getMessage(), e);
        }
    }
}
