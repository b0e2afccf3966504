package dev.aicostadvisor.scenario;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonToken;

import dev.aicostadvisor.model.Limits;

/**
 * Reads the fields of one map of a scenario document, with messages that name the file, line, field, the
 * value found and what is allowed. Construction rejects unknown fields, suggesting the nearest known name.
 *
 * <p>Numbers must be written plainly: digits with an optional decimal point and sign. Whatever a YAML
 * loader might read differently from what its writer meant is rejected with a hint, such as leading zeros
 * (octal in YAML 1.1), exponents, underscores, thousands separators, percent and currency signs, NaN and
 * infinity.
 */
public final class MapReader {

    private static final Pattern PLAIN_DECIMAL = Pattern.compile("[+-]?(0|[1-9][0-9]*)(\\.[0-9]+)?");
    private static final Pattern LEADING_ZERO = Pattern.compile("[+-]?0[0-9]+(\\.[0-9]+)?");
    private static final Pattern EXPONENT = Pattern.compile("[+-]?[0-9]*\\.?[0-9]+[eE][+-]?[0-9]+");
    private static final int MAX_NUMBER_LENGTH = 40;

    private final String source;
    private final String path;
    private final Node.MapNode map;

    public MapReader(String source, String path, Node.MapNode map, List<String> knownFields) {
        this.source = source;
        this.path = path;
        this.map = map;
        for (Node.Entry entry : map.entries().values()) {
            if (!knownFields.contains(entry.key())) {
                String suggestion = nearest(entry.key(), knownFields);
                String owner = path.isEmpty() ? (suggestion == null ? "a scenario" : "A scenario") : path;
                throw new InvalidScenarioException(source, entry.keyLine(), field(entry.key()),
                        "unknown field; " + (suggestion == null ? "" : "did you mean '" + suggestion + "'? ")
                                + owner + " takes " + String.join(", ", knownFields));
            }
        }
    }

    /** Returns the keys of this map, in document order. */
    public List<String> keys() {
        return List.copyOf(map.entries().keySet());
    }

    public boolean has(String key) {
        Node.Entry entry = map.entries().get(key);
        return entry != null && !(entry.value() instanceof Node.ScalarNode scalar && scalar.isNull());
    }

    public int line() {
        return map.line();
    }

    public int lineOf(String key) {
        Node.Entry entry = map.entries().get(key);
        return entry == null ? map.line() : entry.value().line();
    }

    /** Returns the path of a field of this map, such as {@code budget.monthlyUsd}. */
    public String field(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    /** Reads a nested map, or returns {@code null} when it is absent and not required. */
    public MapReader map(String key, boolean required, String... knownFields) {
        Node node = value(key, required, "a map with " + String.join(", ", knownFields));
        if (node == null) {
            return null;
        }
        if (!(node instanceof Node.MapNode nested)) {
            throw invalid(key, node, "expected a map with " + String.join(", ", knownFields) + ", found " + node.describe());
        }
        return new MapReader(source, field(key), nested, Arrays.asList(knownFields));
    }

    /**
     * Reads text. Any scalar is taken as written, so that {@code name: NO} is the text "NO", not false.
     */
    public String text(String key, boolean required, int maxLength) {
        Node node = value(key, required, "text");
        if (node == null) {
            return null;
        }
        if (!(node instanceof Node.ScalarNode scalar)) {
            throw invalid(key, node, "expected text, found " + node.describe());
        }
        String text = scalar.text().strip();
        if (text.isEmpty()) {
            if (required) {
                throw invalid(key, node, "is empty; expected text");
            }
            return null;
        }
        if (text.length() > maxLength) {
            throw invalid(key, node, "is " + text.length() + " characters long; at most " + maxLength + " are allowed");
        }
        return text;
    }

    /** Reads text of one line, such as a name, which a report prints on a line of its own. */
    public String line(String key, boolean required, int maxLength) {
        String text = text(key, required, maxLength);
        if (text != null && (text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0)) {
            throw invalid(key, "has a line break; write it on one line");
        }
        return text;
    }

    /** Reads a decimal number in [min, max]; with {@code minExclusive}, min itself is not allowed. */
    public BigDecimal decimal(String key, boolean required, BigDecimal min, boolean minExclusive, BigDecimal max, String example) {
        Node node = value(key, required, "a number");
        if (node == null) {
            return null;
        }
        String allowed = (minExclusive ? "a number above " + min.toPlainString() + " and at most " : "a number from "
                + min.toPlainString() + " to ") + max.toPlainString() + ", such as " + example;
        BigDecimal value = parseNumber(key, node, allowed);
        boolean belowMin = minExclusive ? value.compareTo(min) <= 0 : value.compareTo(min) < 0;
        if (belowMin || value.compareTo(max) > 0) {
            throw invalid(key, node, scalarText(node) + " is out of range; expected " + allowed);
        }
        return value;
    }

    /** Reads a whole number in [min, max]. */
    public long whole(String key, boolean required, long min, long max, String example, long absent) {
        Node node = value(key, required, "a whole number");
        if (node == null) {
            return absent;
        }
        String allowed = "a whole number from " + min + " to " + max + ", such as " + example;
        BigDecimal value = parseNumber(key, node, allowed);
        if (value.stripTrailingZeros().scale() > 0) {
            throw invalid(key, node, scalarText(node) + " is not a whole number; expected " + allowed);
        }
        if (value.compareTo(BigDecimal.valueOf(min)) < 0 || value.compareTo(BigDecimal.valueOf(max)) > 0) {
            throw invalid(key, node, scalarText(node) + " is out of range; expected " + allowed);
        }
        return value.longValueExact();
    }

    /** Reads one of an enum's constants, ignoring case. */
    public <E extends Enum<E>> E choice(String key, Class<E> type, boolean required) {
        E[] constants = type.getEnumConstants();
        List<String> names = new ArrayList<>();
        for (E constant : constants) {
            names.add(constant.name());
        }
        String allowed = "one of " + String.join(", ", names);
        Node node = value(key, required, allowed);
        if (node == null) {
            return null;
        }
        if (node instanceof Node.ScalarNode scalar && !scalar.isNull()) {
            String text = scalar.text().strip().toUpperCase(Locale.ROOT);
            for (E constant : constants) {
                if (constant.name().equals(text)) {
                    return constant;
                }
            }
        }
        throw invalid(key, node, scalarText(node) + " is not allowed; expected " + allowed);
    }

    /** Reads a list of texts, or an empty list when absent. */
    public List<Item> textList(String key) {
        Node node = value(key, false, "a list");
        if (node == null) {
            return List.of();
        }
        if (!(node instanceof Node.ListNode list)) {
            throw invalid(key, node, "expected a list such as [Vendor2, Deploy5], found " + node.describe());
        }
        List<Item> items = new ArrayList<>();
        for (Node item : list.items()) {
            if (!(item instanceof Node.ScalarNode scalar) || scalar.isNull() || scalar.text().isBlank()) {
                throw new InvalidScenarioException(source, item.line(), field(key),
                        "expected a list of texts, found " + item.describe() + " in it");
            }
            items.add(new Item(scalar.text().strip(), item.line()));
        }
        return items;
    }

    /** Reads a list of maps, or an empty list when absent. */
    public List<MapReader> mapList(String key, String... knownFields) {
        Node node = value(key, false, "a list");
        if (node == null) {
            return List.of();
        }
        if (!(node instanceof Node.ListNode list)) {
            throw invalid(key, node, "expected a list of maps with " + String.join(", ", knownFields) + ", found " + node.describe());
        }
        List<MapReader> items = new ArrayList<>();
        for (int i = 0; i < list.items().size(); i++) {
            Node item = list.items().get(i);
            String itemPath = field(key) + "[" + i + "]";
            if (!(item instanceof Node.MapNode itemMap)) {
                throw new InvalidScenarioException(source, item.line(), itemPath,
                        "expected a map with " + String.join(", ", knownFields) + ", found " + item.describe());
            }
            items.add(new MapReader(source, itemPath, itemMap, Arrays.asList(knownFields)));
        }
        return items;
    }

    /** A text in a list, with its line. */
    public record Item(String text, int line) {
    }

    /** Builds an error about a field of this map, on the field's line. */
    public InvalidScenarioException invalid(String key, String problem) {
        return new InvalidScenarioException(source, lineOf(key), field(key), problem);
    }

    private InvalidScenarioException invalid(String key, Node node, String problem) {
        return new InvalidScenarioException(source, node.line(), field(key), problem);
    }

    private Node value(String key, boolean required, String expected) {
        Node.Entry entry = map.entries().get(key);
        if (entry == null || entry.value() instanceof Node.ScalarNode scalar && scalar.isNull()) {
            if (required) {
                throw new InvalidScenarioException(source, entry == null ? map.line() : entry.keyLine(), field(key),
                        "missing; expected " + expected);
            }
            return null;
        }
        return entry.value();
    }

    private BigDecimal parseNumber(String key, Node node, String allowed) {
        if (!(node instanceof Node.ScalarNode scalar)) {
            throw invalid(key, node, "expected " + allowed + ", found " + node.describe());
        }
        String text = scalar.text().strip();
        if (text.length() > MAX_NUMBER_LENGTH) {
            throw invalid(key, node, "a number of " + text.length() + " characters is too long; expected " + allowed);
        }
        if (PLAIN_DECIMAL.matcher(text).matches()) {
            if (scalar.token() == JsonToken.VALUE_STRING) {
                throw invalid(key, node, "'" + text + "' is quoted text; write the number without quotes");
            }
            BigDecimal value = new BigDecimal(text);
            if (value.scale() > Limits.MAX_SCALE) {
                throw invalid(key, node, "'" + text + "' has more than " + Limits.MAX_SCALE + " decimal places; expected " + allowed);
            }
            return value;
        }
        throw invalid(key, node, "'" + text + "' " + problemWith(text) + "; expected " + allowed);
    }

    /** Says what keeps a text from being a plain number, and how to write it where that is clear. */
    private static String problemWith(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.contains("nan") || lower.contains("inf")) {
            return "is not a finite number";
        }
        if (LEADING_ZERO.matcher(text).matches()) {
            return "has a leading zero, which YAML 1.1 reads as octal, so write " + new BigDecimal(text).toPlainString();
        }
        if (EXPONENT.matcher(text).matches()) {
            return "uses an exponent, so write " + new BigDecimal(text).toPlainString();
        }
        if (lower.startsWith("0x") || lower.startsWith("0o") || lower.startsWith("0b")) {
            return "is not a decimal number";
        }
        if (text.contains("_")) {
            return "has underscores, so write " + text.replace("_", "");
        }
        if (text.contains(",")) {
            return "has thousands separators, so write " + text.replace(",", "");
        }
        if (text.endsWith("%")) {
            return "has a percent sign, so write the number alone";
        }
        if (text.startsWith("$") || lower.endsWith("usd")) {
            return "has a currency sign, so write the amount in USD alone";
        }
        return "is not a number";
    }

    private static String scalarText(Node node) {
        return node instanceof Node.ScalarNode scalar ? "'" + scalar.text().strip() + "'" : node.describe();
    }

    /** Returns the known name nearest to an unknown one, or {@code null} when none is near. */
    public static String nearest(String unknown, List<String> known) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : known) {
            int distance = distance(unknown.toLowerCase(Locale.ROOT), candidate.toLowerCase(Locale.ROOT));
            if (distance < bestDistance) {
                bestDistance = distance;
                best = candidate;
            }
        }
        int allowed = Math.max(2, unknown.length() / 3);
        return bestDistance <= allowed ? best : null;
    }

    /** Levenshtein distance between two words. */
    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
