package dev.aicostadvisor.scenario;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

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
    /** Maximum length in characters of a number token that the parser accepts. The reader's own limit is shorter. */
    static final int MAX_NUMBER_LENGTH = 64;

    private static final YAMLFactory YAML = yamlFactory();
    private static final JsonFactory JSON = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH + 1).maxNumberLength(MAX_NUMBER_LENGTH).build())
            .build();

    private final String source;
    private final JsonParser parser;
    private final int lineOffset;
    private int nodes;
    /** The path of the value being read, such as {@code budget.monthlyUsd}, for errors that Jackson raises. */
    private String currentPath = "";

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
        TreeParser reader = null;
        try (JsonParser parser = syntax == Syntax.YAML ? YAML.createParser(text) : JSON.createParser(text)) {
            reader = new TreeParser(source, parser, firstLine);
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
            String field = reader == null || reader.currentPath.isEmpty() ? null : reader.currentPath;
            String problem = describe(e.getOriginalMessage());
            if (e.getCause() instanceof MarkedYAMLException yaml) {
                problem = describe(yaml, firstLine);
                line = yaml.getProblemMark() == null ? line : yaml.getProblemMark().getLine() + firstLine;
            }
            throw new InvalidScenarioException(source, line, field, "malformed " + syntax + ": " + problem);
        } catch (IOException e) {
            throw new InvalidScenarioException(source, 0, null, "cannot be read: " + e.getMessage());
        }
    }

    private Node readValue(JsonToken token, int depth, String path) throws IOException {
        if (depth > MAX_DEPTH) {
            throw new InvalidScenarioException(source, line(), topField(path),
                    "nested more than " + MAX_DEPTH + " levels deep; a scenario is at most 3 levels deep");
        }
        if (++nodes > MAX_NODES) {
            throw new InvalidScenarioException(source, line(), topField(path),
                    "more than " + MAX_NODES + " values; a scenario has about fifty");
        }
        rejectYamlExtras(path);
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
        for (JsonToken next = nextKey(path); next != JsonToken.END_OBJECT; next = nextKey(path)) {
            String key = parser.currentName();
            int keyLine = line();
            String field = path.isEmpty() ? key : path + "." + key;
            Node.Entry earlier = entries.get(key);
            if (earlier != null) {
                throw new InvalidScenarioException(source, keyLine, field,
                        "duplicate key; line " + earlier.keyLine() + " already gives it, and each field may appear once");
            }
            currentPath = field;
            Node value = readValue(parser.nextToken(), depth + 1, field);
            currentPath = path;
            entries.put(key, new Node.Entry(key, keyLine, value));
        }
        return new Node.MapNode(entries, line);
    }

    /**
     * Reads the next key of a map. The JSON parser reads a scalar value together with its key, so an
     * invalid number fails here. When the failing call read a new key, the error names that key's field,
     * and otherwise the map's.
     */
    private JsonToken nextKey(String mapPath) throws IOException {
        String keyBefore = parser.getParsingContext().getCurrentName();
        try {
            return parser.nextToken();
        } catch (JsonProcessingException e) {
            String key = parser.getParsingContext().getCurrentName();
            if (key != null && !key.equals(keyBefore)) {
                currentPath = mapPath.isEmpty() ? key : mapPath + "." + key;
            }
            throw e;
        }
    }

    /** Rejects YAML aliases and tags, which a scenario never needs. */
    private void rejectYamlExtras(String path) throws IOException {
        String field = path.isEmpty() ? null : path;
        if (parser instanceof YAMLParser yaml) {
            if (yaml.isCurrentAlias()) {
                throw new InvalidScenarioException(source, line(), field,
                        "YAML aliases such as '*" + parser.getText() + "' are not supported; write the value out");
            }
            String tag = yaml.getTypeId();
            if (tag != null) {
                throw new InvalidScenarioException(source, line(), field,
                        "YAML tags such as '!!" + tag.replace("tag:yaml.org,2002:", "") + "' are not allowed; remove the tag");
            }
        }
    }

    private int line() {
        JsonLocation location = parser.currentTokenLocation();
        return location == null || location.getLineNr() < 1 ? 0 : location.getLineNr() + lineOffset;
    }

    /**
     * Returns the top-level field of a path, such as {@code name} for {@code name[0][0]}: the field whose
     * value is nested too deep, without a path as long as the nesting.
     */
    private static String topField(String path) {
        int end = path.length();
        for (int i = 0; i < path.length(); i++) {
            if (path.charAt(i) == '.' || path.charAt(i) == '[') {
                end = i;
                break;
            }
        }
        return end == 0 ? null : path.substring(0, end);
    }

    /**
     * Returns the first line of a Jackson parse error, without its hints about Jackson's own settings,
     * which a scenario's author cannot change.
     */
    private static String describe(String message) {
        String line = firstLine(message);
        if (line.startsWith("Non-standard token")) {
            return line.replaceAll(":? ?enable `.*$", "") + "; write a plain decimal number";
        }
        if (line.startsWith("Number value length")) {
            return "a number of more than " + MAX_NUMBER_LENGTH + " characters is too long";
        }
        return line.replaceAll(",? from `StreamReadConstraints[^`]*`", "")
                .replaceAll(" \\(start marker at \\[Source: .*?; line: (\\d+), column: (\\d+)\\]\\)", ", opened on line $1, column $2")
                .replaceAll(":? ?enable `.*$", "");
    }

    /**
     * Returns what the YAML parser found wrong and what it expected, which its first message line leaves
     * out, with where the enclosing structure opened when that is another place.
     */
    private static String describe(MarkedYAMLException e, int firstLine) {
        String problem = e.getProblem() == null ? firstLine(e.getMessage()) : e.getProblem().trim().replace("<stream end>", "the end of the file");
        if (problem.contains("\\t(TAB)")) {
            return "found a tab character; indent YAML with spaces, not tabs";
        }
        // SnakeYAML names its own tokens in these two; both mean a line indented unlike its neighbours.
        if (problem.startsWith("expected <block end>")) {
            return "this line is indented like none of the fields above it; indent each field like the others of its map";
        }
        if (problem.equals("mapping values are not allowed here")) {
            return "a field is not allowed here; check this line's indentation, or quote a value that contains ': '";
        }
        Mark opened = e.getContextMark();
        Mark found = e.getProblemMark();
        boolean elsewhere = opened != null && found != null && opened.getLine() != found.getLine();
        if (e.getContext() == null || !elsewhere) {
            return problem;
        }
        String structure = e.getContext().replaceFirst("^while (parsing|scanning) (a |an )?", "");
        structure = switch (structure) {
            case "flow sequence" -> "[ ] list";
            case "flow mapping" -> "{ } map";
            case "quoted scalar" -> "quoted string";
            default -> structure;
        };
        return problem + ", in the " + structure + " opened on line " + (opened.getLine() + firstLine)
                + ", column " + (opened.getColumn() + 1);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable input";
        }
        int newline = message.indexOf('\n');
        return (newline < 0 ? message : message.substring(0, newline)).trim();
    }

    /**
     * Builds the YAML parser factory with SnakeYAML's own limits set to the reader's.
     *
     * <p>NOTE: one YAML token close to the file-size limit, such as a comment of a million characters,
     * allocated about 2 GB of short-lived memory and took 0.15 s to read in a one-off measurement
     * (jackson-dataformat-yaml 2.23 on Java 17, two shared cores): the allocation grows with the square
     * of the token's length. The file-size limit bounds that cost, and the memory retained stays small.
     */
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
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH + 1).maxNumberLength(MAX_NUMBER_LENGTH).build())
                .build();
    }
}
