package dev.aicostadvisor.scenario;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.LoaderOptions;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;

/**
 * Parses YAML or JSON text into a {@link Node} tree, token by token, keeping each scalar's text exactly as
 * written. Working from tokens instead of a data-binding tree lets the reader reject what a YAML loader would
 * silently accept: aliases, tags, duplicate keys, and numbers whose meaning depends on the YAML version.
 *
 * <p>Aliases are rejected, not expanded, so an alias bomb costs no more than its own text. Nesting is
 * checked as tokens arrive, before any deep structure is built.
 */
public final class TreeParser {

    /** The deepest nesting accepted; a scenario itself is at most three levels deep. */
    static final int MAX_DEPTH = 16;
    /** The most nodes one document may hold; a full scenario has about fifty. */
    static final int MAX_NODES = 5_000;

    private static final YAMLFactory YAML = yamlFactory();
    private static final JsonFactory JSON = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH + 1).maxNumberLength(64).build())
            .build();

    private final String source;
    private final JsonParser parser;
    private final int lineOffset;
    private int nodes;

    private TreeParser(String source, JsonParser parser, int firstLine) {
        this.source = source;
        this.parser = parser;
        this.lineOffset = firstLine - 1;
    }

    /** The syntaxes a scenario may be written in. */
    public enum Syntax { YAML, JSON }

    /**
     * Parses one document.
     *
     * @param source how messages name the input, such as the file name
     * @param firstLine the line of the input that the text starts on, for JSON Lines
     */
    static Node.MapNode parse(String text, Syntax syntax, String source, int firstLine) {
        return parse(text, syntax, source, firstLine, SCENARIO);
    }

    /**
     * What a kind of document needs at its top, for the messages about an empty document or one whose top
     * is not a map.
     *
     * @param emptyProblem the problem with an empty document
     * @param topFields    examples of its top-level fields, such as "'name:' and 'org:'"
     */
    public record DocumentKind(String emptyProblem, String topFields) {
    }

    static final DocumentKind SCENARIO = new DocumentKind(
            "the scenario is empty; it needs at least name, org, budget and workload", "'name:' and 'org:'");

    /** Parses one document of the given kind, such as a pricing catalogue. */
    public static Node.MapNode parse(String text, Syntax syntax, String source, int firstLine, DocumentKind kind) {
        try (JsonParser parser = syntax == Syntax.YAML ? YAML.createParser(text) : JSON.createParser(text)) {
            TreeParser reader = new TreeParser(source, parser, firstLine);
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new InvalidScenarioException(source, 0, null, kind.emptyProblem());
            }
            Node root = reader.readValue(first, 1, "");
            if (!(root instanceof Node.MapNode map)) {
                throw new InvalidScenarioException(source, root.line(), null,
                        "expected a map of fields such as " + kind.topFields() + " at the top, found " + root.describe());
            }
            if (parser.nextToken() != null) {
                throw new InvalidScenarioException(source, reader.line(), null,
                        "more than one document; give one scenario per file (or per line, for JSON Lines)");
            }
            return map;
        } catch (JsonProcessingException e) {
            JsonLocation location = e.getLocation();
            int line = location == null || location.getLineNr() < 1 ? 0 : location.getLineNr() + firstLine - 1;
            throw new InvalidScenarioException(source, line, null, "malformed " + syntax + ": " + firstLine(e.getOriginalMessage()));
        } catch (IOException e) {
            throw new InvalidScenarioException(source, 0, null, "cannot be read: " + e.getMessage());
        }
    }

    private Node readValue(JsonToken token, int depth, String path) throws IOException {
        if (depth > MAX_DEPTH) {
            throw new InvalidScenarioException(source, line(), null,
                    "nested more than " + MAX_DEPTH + " levels deep; a scenario is at most 3 levels deep");
        }
        if (++nodes > MAX_NODES) {
            throw new InvalidScenarioException(source, line(), null,
                    "more than " + MAX_NODES + " values; a scenario has about fifty");
        }
        rejectYamlExtras();
        int line = line();
        switch (token) {
            case START_OBJECT:
                return readMap(line, depth, path);
            case START_ARRAY:
                List<Node> items = new ArrayList<>();
                for (JsonToken next = parser.nextToken(); next != JsonToken.END_ARRAY; next = parser.nextToken()) {
                    items.add(readValue(next, depth + 1, path + "[" + items.size() + "]"));
                }
                return new Node.ListNode(items, line);
            case VALUE_STRING:
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
            case VALUE_TRUE:
            case VALUE_FALSE:
            case VALUE_NULL:
                return new Node.ScalarNode(parser.getText(), token, line);
            default:
                throw new InvalidScenarioException(source, line, null, "unexpected " + token + " in the document");
        }
    }

    private Node.MapNode readMap(int line, int depth, String path) throws IOException {
        Map<String, Node.Entry> entries = new LinkedHashMap<>();
        for (JsonToken next = parser.nextToken(); next != JsonToken.END_OBJECT; next = parser.nextToken()) {
            String key = parser.currentName();
            int keyLine = line();
            String field = path.isEmpty() ? key : path + "." + key;
            Node.Entry earlier = entries.get(key);
            if (earlier != null) {
                throw new InvalidScenarioException(source, keyLine, field,
                        "duplicate key; line " + earlier.keyLine() + " already gives it, and each field may appear once");
            }
            Node value = readValue(parser.nextToken(), depth + 1, field);
            entries.put(key, new Node.Entry(key, keyLine, value));
        }
        return new Node.MapNode(entries, line);
    }

    /** Rejects YAML aliases and tags, which a scenario never needs. */
    private void rejectYamlExtras() throws IOException {
        if (parser instanceof YAMLParser yaml) {
            if (yaml.isCurrentAlias()) {
                throw new InvalidScenarioException(source, line(), null,
                        "YAML aliases such as '*" + parser.getText() + "' are not supported; write the value out");
            }
            String tag = yaml.getTypeId();
            if (tag != null) {
                throw new InvalidScenarioException(source, line(), null,
                        "YAML tags such as '!!" + tag.replace("tag:yaml.org,2002:", "") + "' are not allowed; remove the tag");
            }
        }
    }

    private int line() {
        JsonLocation location = parser.currentTokenLocation();
        return location == null || location.getLineNr() < 1 ? 0 : location.getLineNr() + lineOffset;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable input";
        }
        int newline = message.indexOf('\n');
        return (newline < 0 ? message : message.substring(0, newline)).trim();
    }

    private static YAMLFactory yamlFactory() {
        LoaderOptions options = new LoaderOptions();
        // Duplicate keys are reported by readMap, with the line of the first one.
        options.setAllowDuplicateKeys(true);
        options.setMaxAliasesForCollections(10);
        options.setNestingDepthLimit(MAX_DEPTH + 1);
        options.setAllowRecursiveKeys(false);
        options.setCodePointLimit(ScenarioReader.MAX_FILE_BYTES);
        return YAMLFactory.builder()
                .loaderOptions(options)
                .enable(YAMLParser.Feature.EMPTY_STRING_AS_NULL)
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH + 1).maxNumberLength(64).build())
                .build();
    }
}
