package dev.aicostadvisor.analysis;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.aicostadvisor.Evaluation;
import dev.aicostadvisor.model.Flowchart;
import dev.aicostadvisor.model.FlowchartNode;
import dev.aicostadvisor.model.Note;
import dev.aicostadvisor.model.Recommendation;
import dev.aicostadvisor.rules.CompiledRules;
import dev.aicostadvisor.rules.RuleInfo;

/**
 * The chain of rule firings behind each outcome of one evaluation, back to the scenario's inputs.
 *
 * <p>For each outcome it shows the rule that reached it with its file and line, the rule's conditions as
 * written, the values of its variables, the input fields and band thresholds it matched, and then, one level
 * deeper, the same for each outcome that the rule matched or waited for. Each outcome is explained once; a
 * later mention refers back to it.
 *
 * <p>An {@code exists Recommendation(...)} or {@code accumulate(Recommendation(...) ...)} condition leaves
 * no outcome in the match, so the outcomes that met it are found by reading the condition against the
 * outcomes reached before the rule fired. NOTE: only conditions made of {@code node}, {@code decision} or
 * {@code phase} comparisons joined by {@code ||} are read, as in the shipped rules; for others the condition
 * is shown but not followed.
 */
public final class Explanation {

    private static final String STEP = "    ";
    private static final String LABEL_FORMAT = "%s  %-10s %s%n";
    /** A condition on outcomes that leaves no outcome in the match: {@code exists Recommendation(} or {@code accumulate(Recommendation(}. */
    private static final Pattern GATE = Pattern.compile("\\b(exists\\s+|accumulate\\s*\\(\\s*)(?:\\$?\\w+\\s*:\\s*)?Recommendation\\s*\\(");
    private static final Pattern BINDING = Pattern.compile("\\$?\\w+\\s*:\\s*[\\w.]+");
    private static final Pattern GATE_TERM = Pattern.compile("(node|decision|phase)\\s*==\\s*(?:\"([^\"]*)\"|Phase\\.(\\w+))");
    private static final Pattern PROPERTY_PATH = Pattern.compile("(?<![\\w$.\"])([A-Za-z_]\\w*(?:\\.[A-Za-z_]\\w*)*)");
    private static final Pattern STRING_LITERAL = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"");

    private final CompiledRules rules;
    private final Evaluation evaluation;
    private final FiringTrace trace;
    private final RuleTextIndex texts;

    private Explanation(CompiledRules rules, Evaluation evaluation, FiringTrace trace) {
        this.rules = rules;
        this.evaluation = evaluation;
        this.trace = trace;
        this.texts = new RuleTextIndex(rules);
    }

    /**
     * Prepares the explanation of an evaluation.
     *
     * @param rules      the rules the evaluation ran on
     * @param evaluation the evaluation
     * @param trace      the trace that recorded the evaluation's firings
     */
    public static Explanation of(CompiledRules rules, Evaluation evaluation, FiringTrace trace) {
        return new Explanation(rules, evaluation, trace);
    }

    /** Renders the chain of each node, in the order given, back to the inputs, explaining each node once. */
    public String render(List<String> nodes) {
        return render(nodes, Integer.MAX_VALUE);
    }

    /**
     * Renders the chain of each node, in the order given, explaining each node once.
     *
     * @param maxDepth how many levels of outcomes below each node to explain; deeper ones are only named
     */
    public String render(List<String> nodes, int maxDepth) {
        StringBuilder out = new StringBuilder();
        Set<String> explained = new HashSet<>();
        for (String node : nodes) {
            if (out.length() > 0) {
                out.append('\n');
            }
            explain(node, 0, maxDepth, explained, out);
        }
        return out.toString();
    }

    private void explain(String node, int depth, int maxDepth, Set<String> explained, StringBuilder out) {
        FlowchartNode info = Flowchart.node(node);
        String indent = STEP.repeat(depth);
        if (explained.contains(node)) {
            out.append(indent).append(node).append(": explained above\n");
            return;
        }
        if (depth > maxDepth) {
            out.append(indent).append(node).append(maxDepth == 0
                    ? ": not followed, because --depth 0 follows no earlier outcome\n"
                    : ": not followed, deeper than " + maxDepth + (maxDepth == 1 ? " level\n" : " levels\n"));
            return;
        }
        explained.add(node);
        out.append(indent).append(node).append(": ").append(info.title()).append('\n');
        Optional<Recommendation> outcome = evaluation.recommendations().stream().filter(r -> r.getNode().equals(node)).findFirst();
        outcome.ifPresent(r -> line(out, indent, "reason", r.getRationale()));

        List<FiringTrace.Firing> firings = firingsOf(node);
        if (firings.isEmpty()) {
            line(out, indent, "rule", "no rule firing was recorded for this outcome");
        }
        Set<String> next = new LinkedHashSet<>();
        for (FiringTrace.Firing firing : firings) {
            describeFiring(firing, indent, next, out);
        }
        for (String child : next) {
            explain(child, depth + 1, maxDepth, explained, out);
        }
    }

    private void describeFiring(FiringTrace.Firing firing, String indent, Set<String> next, StringBuilder out) {
        Optional<RuleInfo> info = rules.rule(firing.rule());
        line(out, indent, "rule", "\"" + firing.rule() + "\"" + info.map(i -> " (" + i.place() + ")").orElse(""));
        List<String> conditions = texts.conditions(firing.rule());
        for (int i = 0; i < conditions.size(); i++) {
            line(out, indent, i == 0 ? "when" : "", conditions.get(i));
        }
        String conditionText = String.join("\n", conditions);

        // Variables are listed in the order the conditions bind them, because the engine returns them unordered.
        List<Map.Entry<String, Object>> bindings = new ArrayList<>(firing.bindings().entrySet());
        bindings.sort(Comparator.comparingInt((Map.Entry<String, Object> binding) -> positionOf(binding.getKey(), conditionText))
                .thenComparing(Map.Entry::getKey));
        List<String> values = new ArrayList<>();
        for (Map.Entry<String, Object> binding : bindings) {
            if (!binding.getKey().startsWith("GENERATED_") && !isFact(binding.getValue())) {
                values.add(binding.getKey() + " = " + show(binding.getValue()));
            }
        }
        if (!values.isEmpty()) {
            line(out, indent, "values", String.join(", ", values));
        }

        List<String> matchedNodes = new ArrayList<>();
        for (Object fact : firing.matched()) {
            if (fact instanceof Recommendation recommendation) {
                matchedNodes.add(recommendation.getNode());
            } else if (fact instanceof Note || fact.getClass().getName().startsWith("org.drools.")) {
                continue;
            } else if (trace.isInput(fact)) {
                for (String path : mentionedPaths(fact, conditionText)) {
                    line(out, indent, "input", inputName(fact) + "." + path + " = " + show(read(fact, path)));
                }
            } else if (trace.producerOf(fact).isPresent()) {
                line(out, indent, "threshold", describeThreshold(fact, conditionText));
            }
            // Anything else, such as the result of an accumulate, is the engine's own and shows in the values.
        }
        if (!matchedNodes.isEmpty()) {
            line(out, indent, "matched", String.join(", ", matchedNodes));
            next.addAll(matchedNodes);
        }

        Matcher gate = GATE.matcher(conditionText);
        while (gate.find()) {
            boolean collects = gate.group(1).startsWith("accumulate");
            String constraint = insideParentheses(conditionText, gate.end());
            List<String> metBy = metBy(constraint, firing.sequence());
            if (metBy.isEmpty()) {
                continue;
            }
            if (collects) {
                line(out, indent, "after", String.join(", ", metBy) + " (collected by accumulate(Recommendation(" + constraint + ")))");
                next.addAll(metBy);
            } else {
                String others = metBy.size() > 1 ? ", also met by " + String.join(", ", metBy.subList(1, metBy.size())) : "";
                line(out, indent, "after", metBy.get(0) + " (exists Recommendation(" + constraint + ")" + others + ")");
                next.add(metBy.get(0));
            }
        }
    }

    private String describeThreshold(Object fact, String conditionText) {
        List<String> paths = mentionedPaths(fact, conditionText);
        List<String> parts = new ArrayList<>();
        for (String path : paths) {
            parts.add(path + " = " + show(read(fact, path)));
        }
        String text = fact.getClass().getSimpleName() + (parts.isEmpty() ? "" : "." + String.join(", ", parts));
        Optional<FiringTrace.Firing> producer = trace.producerOf(fact);
        if (producer.isPresent()) {
            String rule = producer.get().rule();
            text += ", inserted by rule \"" + rule + "\"" + rules.rule(rule).map(i -> " (" + i.place() + ")").orElse("");
        }
        return text;
    }

    /** Lists the outcomes inserted before a firing that meet a gate condition, in the order they were inserted. */
    private List<String> metBy(String constraint, int beforeSequence) {
        List<String> parts = new ArrayList<>();
        for (String part : constraint.split(",")) {
            if (!BINDING.matcher(part.trim()).matches()) {
                parts.add(part.trim());
            }
        }
        if (parts.size() != 1) {
            return List.of();
        }
        List<String[]> terms = new ArrayList<>();
        for (String term : parts.get(0).split("\\|\\|")) {
            Matcher matcher = GATE_TERM.matcher(term.trim());
            if (!matcher.matches()) {
                return List.of();
            }
            terms.add(new String[] {matcher.group(1), matcher.group(2) != null ? matcher.group(2) : matcher.group(3)});
        }
        List<String> met = new ArrayList<>();
        for (FiringTrace.Firing firing : trace.firings()) {
            if (firing.sequence() >= beforeSequence) {
                break;
            }
            for (Object fact : firing.inserted()) {
                if (fact instanceof Recommendation recommendation && meets(recommendation, terms) && !met.contains(recommendation.getNode())) {
                    met.add(recommendation.getNode());
                }
            }
        }
        return met;
    }

    private static boolean meets(Recommendation recommendation, List<String[]> terms) {
        for (String[] term : terms) {
            String actual = switch (term[0]) {
                case "node" -> recommendation.getNode();
                case "decision" -> recommendation.getDecision();
                default -> recommendation.getPhase().name();
            };
            if (actual.equals(term[1])) {
                return true;
            }
        }
        return false;
    }

    private List<FiringTrace.Firing> firingsOf(String node) {
        List<FiringTrace.Firing> found = new ArrayList<>();
        for (FiringTrace.Firing firing : trace.firings()) {
            for (Object fact : firing.inserted()) {
                if (fact instanceof Recommendation recommendation && recommendation.getNode().equals(node)) {
                    found.add(firing);
                    break;
                }
            }
        }
        return found;
    }

    private static int positionOf(String variable, String conditionText) {
        Matcher matcher = Pattern.compile(Pattern.quote(variable) + "(?!\\w)").matcher(conditionText);
        return matcher.find() ? matcher.start() : Integer.MAX_VALUE;
    }

    private boolean isFact(Object value) {
        return value instanceof Recommendation || value instanceof Note || trace.isInput(value) || trace.producerOf(value).isPresent();
    }

    // ---- reading fields that a condition mentions

    /**
     * Lists the property paths of a fact that its patterns in the conditions mention, such as
     * {@code monthlyUsd} or {@code queryMix.complex}, dropping a path that a longer one extends.
     */
    static List<String> mentionedPaths(Object fact, String conditionText) {
        String type = fact.getClass().getSimpleName();
        List<String> scopes = patternsOf(type, conditionText);
        Set<String> paths = new LinkedHashSet<>();
        for (String scope : scopes) {
            Matcher matcher = PROPERTY_PATH.matcher(STRING_LITERAL.matcher(scope).replaceAll("\"\""));
            while (matcher.find()) {
                String path = resolvablePrefix(fact, matcher.group(1));
                if (path != null) {
                    paths.add(path);
                }
            }
        }
        List<String> kept = new ArrayList<>();
        for (String path : paths) {
            boolean extended = paths.stream().anyMatch(other -> other.startsWith(path + "."));
            if (!extended) {
                kept.add(path);
            }
        }
        return kept;
    }

    /** Returns the text inside each pattern of a type, such as the part in brackets of {@code Budget(...)}. */
    private static List<String> patternsOf(String type, String conditionText) {
        List<String> scopes = new ArrayList<>();
        Matcher matcher = Pattern.compile("(?<![\\w.])" + Pattern.quote(type) + "\\s*\\(").matcher(conditionText);
        while (matcher.find()) {
            scopes.add(insideParentheses(conditionText, matcher.end()));
        }
        return scopes;
    }

    /** Returns the text from just after an opening bracket to its matching closing bracket. */
    private static String insideParentheses(String text, int start) {
        int depth = 1;
        boolean inString = false;
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' && text.charAt(i - 1) != '\\') {
                inString = !inString;
            } else if (!inString && c == '(') {
                depth++;
            } else if (!inString && c == ')' && --depth == 0) {
                return text.substring(start, i).trim();
            }
        }
        return text.substring(start).trim();
    }

    /** Returns the longest prefix of a dotted path that the fact's getters can follow, or {@code null}. */
    private static String resolvablePrefix(Object fact, String path) {
        String[] parts = path.split("\\.");
        Object current = fact;
        StringBuilder resolved = new StringBuilder();
        for (String part : parts) {
            if (current == null) {
                break;
            }
            Optional<Method> getter = getter(current.getClass(), part);
            if (getter.isEmpty()) {
                break;
            }
            current = invoke(getter.get(), current);
            if (resolved.length() > 0) {
                resolved.append('.');
            }
            resolved.append(part);
        }
        return resolved.length() == 0 ? null : resolved.toString();
    }

    private static Object read(Object fact, String path) {
        Object current = fact;
        for (String part : path.split("\\.")) {
            if (current == null) {
                return null;
            }
            current = invoke(getter(current.getClass(), part).orElseThrow(), current);
        }
        return current;
    }

    private static Optional<Method> getter(Class<?> type, String property) {
        // A property name starts in lower case, so a type name such as DataSensitivity in a condition is no property.
        if (property.isEmpty() || !Character.isLowerCase(property.charAt(0))) {
            return Optional.empty();
        }
        String capitalized = Character.toUpperCase(property.charAt(0)) + property.substring(1);
        for (String name : new String[] {"get" + capitalized, "is" + capitalized}) {
            try {
                Method method = type.getMethod(name);
                if (Modifier.isPublic(method.getModifiers()) && method.getDeclaringClass() != Object.class) {
                    return Optional.of(method);
                }
            } catch (NoSuchMethodException e) {
                // try the next form
            }
        }
        return Optional.empty();
    }

    private static Object invoke(Method getter, Object target) {
        try {
            return getter.invoke(target);
        } catch (IllegalAccessException | InvocationTargetException e) {
            return "unreadable (" + e.getClass().getSimpleName() + ")";
        }
    }

    /** Names an input fact as a scenario file does: {@code budget} for Budget, {@code gpuFleet} for GpuFleet. */
    private static String inputName(Object fact) {
        String name = fact.getClass().getSimpleName();
        return Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }

    private static String show(Object value) {
        if (value == null) {
            return "not given";
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        return String.valueOf(value);
    }

    private static void line(StringBuilder out, String indent, String label, String text) {
        out.append(String.format(LABEL_FORMAT, indent, label, text));
    }
}
