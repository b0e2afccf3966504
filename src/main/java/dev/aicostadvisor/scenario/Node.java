package dev.aicostadvisor.scenario;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonToken;

/** A node of a parsed scenario document, with the line it starts on. */
public sealed interface Node permits Node.MapNode, Node.ListNode, Node.ScalarNode {

    int line();

    /** Describes the node's kind for messages: "a map", "a list", "the number 5". */
    String describe();

    /** A map of field names to values, in document order. */
    record MapNode(Map<String, Entry> entries, int line) implements Node {
        public MapNode {
            entries = new LinkedHashMap<>(entries);
        }

        @Override
        public String describe() {
            return "a map";
        }
    }

    /** A map entry, with the line of its key. */
    record Entry(String key, int keyLine, Node value) {
    }

    record ListNode(List<Node> items, int line) implements Node {
        public ListNode {
            items = List.copyOf(items);
        }

        @Override
        public String describe() {
            return "a list";
        }
    }

    /**
     * A scalar with its text exactly as written and the type the parser gave it.
     *
     * @param token one of the VALUE_ tokens: string, number, boolean or null
     */
    record ScalarNode(String text, JsonToken token, int line) implements Node {
        boolean isNull() {
            return token == JsonToken.VALUE_NULL;
        }

        @Override
        public String describe() {
            return isNull() ? "empty" : "'" + text + "'";
        }
    }
}
