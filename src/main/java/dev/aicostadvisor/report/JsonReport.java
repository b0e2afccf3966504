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
 * {@code {"scenario": NAME, "recommendations": [{"node", "phase", "title", "detail", "rationale", "rule"}], "notes": [...],
 * "forecast": {...}, "iteration": {...}}}. Each note is {@code {"kind", "text", "nodes"}}; the forecast and the iterate
 * loop are described in {@link ForecastJson}.
 */
public final class JsonReport {

    static final ObjectMapper MAPPER = new ObjectMapper();
    private static final ObjectMapper PRETTY = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonReport() {
    }

    /** Builds the JSON tree of an evaluation. */
    public static ObjectNode toJson(Evaluation evaluation) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("scenario", evaluation.scenario().getName());
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
        return write(PRETTY, toJson(evaluation));
    }

    /** Writes an evaluation as one line of JSON, for JSON Lines. */
    public static String renderLine(Evaluation evaluation) {
        return write(MAPPER, toJson(evaluation));
    }

    static String write(ObjectMapper mapper, Object tree) {
        try {
            return mapper.writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the JSON report: " + e.getMessage(), e);
        }
    }
}
