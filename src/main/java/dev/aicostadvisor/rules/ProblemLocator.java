package dev.aicostadvisor.rules;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.kie.api.builder.Message;

/**
 * Turns the rule compiler's messages into problems that point at a rule file, line and column.
 *
 * <p>Parser errors arrive with their DRL file and line. The executable model reports two other kinds
 * without them: an expression it cannot read, as text, and a consequence that does not compile, as a line
 * of the Java it generated. For the first, the expression is searched for in the rule files. For the second,
 * the string literals and variables of the generated line are matched against each rule's consequence, and
 * the rule that shares the most is named.
 */
final class ProblemLocator {

    private static final String RESOURCES = "src/main/resources/";
    private static final String JAVA_SOURCE_PREFIX = "Java source of ";
    private static final Pattern EXPRESSION = Pattern.compile("expression:?\\s+(.+?)\\s*$", Pattern.MULTILINE);
    private static final Pattern TOKEN = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|\\$\\w+|[A-Za-z_]\\w{2,}");
    private static final Pattern RULE_NAMES = Pattern.compile("addRuleNames\\(\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern PREDICATE = Pattern.compile("new org\\.drools\\.model\\.functions\\.PredicateInformation\\(\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern RULE_HEADING = Pattern.compile("^\\s*\\*\\s*Rule name:\\s*(.+)$");
    private static final Pattern ACTION_POSITION = Pattern.compile("^Unable to parse consequence caused by: \\(line (\\d+),col \\d+\\)\\s*");
    private static final Pattern FOUND_TOKEN = Pattern.compile("Found\\s+\"([^\"]+)\"(\\s+<[A-Z_]+>)?");
    private static final Pattern EXPECTED_LIST = Pattern.compile(",\\s+expected one of");
    private static final Pattern UNDEFINED_METHOD = Pattern.compile("The method ((\\w+)\\([^)]*\\)) is undefined for the type \\w+");
    private static final Pattern PARSER_POSITION = Pattern.compile("\\bLine (\\d+):(\\d+)\\b");
    private static final Set<String> GENERATED_WORDS = Set.of("drools", "insert", "new", "org", "modelcompiler",
            "consequence", "DroolsImpl", "asKnowledgeHelper", "java", "lang", "String", "update", "modify", "delete");

    private final String sourceDescription;
    private final Map<String, DrlOutline> outlines = new HashMap<>();

    ProblemLocator(RuleSource source) {
        this.sourceDescription = source.description();
        for (RuleFile file : source.files()) {
            outlines.put(file.path(), DrlOutline.of(file));
        }
    }

    List<RuleProblem> locate(List<Message> messages) {
        Map<String, String[]> generatedSources = new HashMap<>();
        for (Message message : messages) {
            String text = message.getText();
            if (text != null && text.startsWith(JAVA_SOURCE_PREFIX)) {
                int newline = text.indexOf('\n');
                if (newline > 0 && message.getPath() != null) {
                    generatedSources.put(message.getPath(), text.substring(newline + 1).split("\r?\n", -1));
                }
            }
        }
        Set<RuleProblem> problems = new LinkedHashSet<>();
        for (Message message : messages) {
            String text = message.getText() == null ? "" : message.getText().trim();
            if (text.startsWith(JAVA_SOURCE_PREFIX)) {
                continue;
            }
            problems.add(locate(message, text, generatedSources));
        }
        return dropEchoes(new ArrayList<>(problems));
    }

    private RuleProblem locate(Message message, String text, Map<String, String[]> generatedSources) {
        String path = message.getPath();
        if (path != null && path.startsWith(RESOURCES)) {
            path = path.substring(RESOURCES.length());
        }
        DrlOutline outline = path == null ? null : outlines.get(path);
        if (outline != null) {
            if (message.getLine() > 0) {
                RuleProblem inAction = locateInAction(outline, message.getLine(), text);
                if (inAction != null) {
                    return inAction;
                }
                return new RuleProblem(outline.file().location(), message.getLine(), columnOf(message, text),
                        firstLine(text) + missingEndHint(outline, message.getLine()));
            }
            RuleProblem found = findExpression(text, outline);
            return found != null ? found : new RuleProblem(outline.file().location(), 0, 0, firstLine(text));
        }
        if (path != null && path.endsWith(".java")) {
            String[] generated = generatedSources.get(message.getPath());
            if (generated != null && message.getLine() > 0 && message.getLine() <= generated.length) {
                RuleProblem found = findNamedRule(generated, message.getLine(), text);
                if (found == null) {
                    found = findConsequence(generated[message.getLine() - 1], message.getColumn(), text);
                }
                if (found != null) {
                    return found;
                }
            }
        }
        for (DrlOutline candidate : outlines.values()) {
            RuleProblem found = findExpression(text, candidate);
            if (found != null) {
                return found;
            }
        }
        return new RuleProblem(sourceDescription, 0, 0, firstLine(text));
    }

    /** Finds the expression quoted in a message, such as "Unable to parse left part of expression: x < y". */
    private static RuleProblem findExpression(String text, DrlOutline outline) {
        Matcher matcher = EXPRESSION.matcher(text);
        if (!matcher.find()) {
            return null;
        }
        String expression = matcher.group(1).trim();
        if (expression.length() < 3) {
            return null;
        }
        for (int line = 1; line <= outline.lineCount(); line++) {
            int column = outline.line(line).indexOf(expression);
            if (column >= 0) {
                return new RuleProblem(outline.file().location(), line, column + 1, withRule(outline, line, firstLine(text)));
            }
        }
        return null;
    }

    /**
     * Reads the rule name from the generated Java: a constraint's lambda names its rules and expression,
     * and each rule's method is headed by a comment with the rule name.
     */
    private RuleProblem findNamedRule(String[] generated, int errorLine, String text) {
        String ruleName = null;
        String expression = null;
        for (String line : generated) {
            Matcher names = RULE_NAMES.matcher(line);
            if (names.find()) {
                ruleName = unescape(names.group(1));
            }
            Matcher predicate = PREDICATE.matcher(line);
            if (predicate.find()) {
                expression = unescape(predicate.group(1));
            }
        }
        if (ruleName == null) {
            for (int line = errorLine - 1; line >= 0 && ruleName == null; line--) {
                Matcher heading = RULE_HEADING.matcher(generated[line]);
                if (heading.find()) {
                    ruleName = heading.group(1).trim();
                }
            }
        }
        if (ruleName == null) {
            return null;
        }
        for (DrlOutline outline : outlines.values()) {
            for (DrlOutline.RuleOutline rule : outline.rules()) {
                if (!rule.name().equals(ruleName)) {
                    continue;
                }
                int last = rule.endLine() == 0 ? outline.lineCount() : rule.endLine();
                if (expression != null) {
                    for (int line = rule.line(); line <= last; line++) {
                        int column = outline.line(line).indexOf(expression);
                        if (column >= 0) {
                            return new RuleProblem(outline.file().location(), line, column + 1,
                                    "in rule \"" + ruleName + "\": " + firstLine(text) + " (in '" + expression + "')");
                        }
                    }
                }
                return new RuleProblem(outline.file().location(), rule.line(), 1, "in rule \"" + ruleName + "\": " + firstLine(text));
            }
        }
        return null;
    }

    private static String unescape(String javaString) {
        return javaString.replace("\\\"", "\"").replace("\\\\", "\\");
    }

    /** Names the rule whose consequence shares the most literals and variables with a generated Java line. */
    private RuleProblem findConsequence(String generatedLine, int generatedColumn, String text) {
        List<String> tokens = new ArrayList<>();
        Matcher matcher = TOKEN.matcher(generatedLine);
        while (matcher.find()) {
            if (!GENERATED_WORDS.contains(matcher.group())) {
                tokens.add(matcher.group());
            }
        }
        DrlOutline bestOutline = null;
        int bestLine = 0;
        int bestScore = 0;
        for (DrlOutline outline : outlines.values()) {
            for (DrlOutline.RuleOutline rule : outline.rules()) {
                if (rule.thenLine() == 0) {
                    continue;
                }
                int last = rule.endLine() == 0 ? outline.lineCount() : rule.endLine() - 1;
                StringBuilder consequence = new StringBuilder();
                for (int line = rule.thenLine() + 1; line <= last; line++) {
                    consequence.append(outline.line(line)).append('\n');
                }
                int score = score(tokens, consequence.toString());
                if (score > bestScore) {
                    bestScore = score;
                    bestOutline = outline;
                    bestLine = bestLineOf(outline, rule.thenLine() + 1, last, tokens);
                }
            }
        }
        if (bestOutline == null) {
            return null;
        }
        int column = columnOf(generatedLine, generatedColumn, bestOutline.line(bestLine));
        String problem = firstLine(text);
        Matcher undefined = UNDEFINED_METHOD.matcher(problem);
        if (undefined.find()) {
            // The generated class is named after a hash, which means nothing to the rule's author.
            problem = problem.substring(0, undefined.start()) + "The method " + undefined.group(1) + " is undefined in the rule's action";
            int at = bestOutline.line(bestLine).indexOf(undefined.group(2) + "(");
            column = at >= 0 ? at + 1 : column;
        }
        return new RuleProblem(bestOutline.file().location(), bestLine, column, withRule(bestOutline, bestLine, problem));
    }

    private static int bestLineOf(DrlOutline outline, int first, int last, List<String> tokens) {
        int bestLine = first;
        int bestScore = -1;
        for (int line = first; line <= last; line++) {
            int score = score(tokens, outline.line(line));
            if (score > bestScore) {
                bestScore = score;
                bestLine = line;
            }
        }
        return bestLine;
    }

    private static int score(List<String> tokens, String text) {
        int score = 0;
        for (String token : tokens) {
            if (text.contains(token)) {
                score += token.startsWith("\"") ? 3 : 1;
            }
        }
        return score;
    }

    /**
     * Returns the message's column from 1. Parser errors leave the message's column at 0 and give it only
     * in their text, as "Line 30:38", counted from 0.
     */
    private static int columnOf(Message message, String text) {
        if (message.getColumn() > 0) {
            return message.getColumn() + 1;
        }
        Matcher position = PARSER_POSITION.matcher(text);
        if (position.find() && Integer.parseInt(position.group(1)) == message.getLine()) {
            return Integer.parseInt(position.group(2)) + 1;
        }
        return 0;
    }

    /** Names the rule before a parse error that has no end, the usual cause of an error in the rule after it. */
    private static String missingEndHint(DrlOutline outline, int line) {
        return outline.unterminated().stream()
                .filter(rule -> rule.line() < line)
                .reduce((first, second) -> second)
                .map(rule -> "; rule \"" + rule.name() + "\" (line " + rule.line() + ") has no end before the next rule, on line "
                        + rule.endLine())
                .orElse("");
    }

    /**
     * Places a parse error in a rule's action, which Drools reports on the rule's first line with the
     * position inside the action in its text, as "(line 2,col 40)", where line 1 is the line of {@code then}.
     * The column is that of the token it found, when the token occurs once on that line. A long list of the
     * tokens the parser expected is left out.
     */
    private static RuleProblem locateInAction(DrlOutline outline, int ruleLine, String text) {
        Matcher position = ACTION_POSITION.matcher(text);
        DrlOutline.RuleOutline rule = outline.ruleAt(ruleLine);
        if (!position.find() || rule == null || rule.thenLine() == 0) {
            return null;
        }
        int line = rule.thenLine() + Integer.parseInt(position.group(1)) - 1;
        String problem = firstLine(text.substring(position.end())).replaceFirst("^Parse error\\.\\s*", "");
        int column = 0;
        Matcher found = FOUND_TOKEN.matcher(problem);
        if (found.find()) {
            String drlLine = outline.line(line);
            int at = drlLine.indexOf(found.group(1));
            column = at >= 0 && drlLine.indexOf(found.group(1), at + 1) < 0 ? at + 1 : 0;
            // The parser's token class, such as <IDENTIFIER>, names its grammar rather than the rule's text.
            problem = problem.substring(0, found.start()) + "found \"" + found.group(1) + "\"" + problem.substring(found.end());
            Matcher expected = EXPECTED_LIST.matcher(problem);
            if (expected.find() && problem.length() - expected.start() > 80) {
                problem = problem.substring(0, expected.start());
            }
        }
        return new RuleProblem(outline.file().location(), line, column,
                "in rule \"" + rule.name() + "\": invalid Java in the rule's action: " + problem);
    }

    /** Finds the text around the generated column in the DRL line; returns 0 when it is not there. */
    private static int columnOf(String generatedLine, int generatedColumn, String drlLine) {
        if (generatedColumn <= 0 || generatedColumn > generatedLine.length()) {
            return 0;
        }
        for (int width : new int[] {16, 10, 6}) {
            int start = generatedColumn - 1;
            int end = Math.min(generatedLine.length(), start + width);
            String snippet = generatedLine.substring(start, end).trim();
            if (snippet.length() >= 3) {
                int index = drlLine.indexOf(snippet);
                if (index >= 0) {
                    return index + 1;
                }
            }
        }
        return 0;
    }

    private static String withRule(DrlOutline outline, int line, String text) {
        DrlOutline.RuleOutline rule = outline.ruleAt(line);
        return rule == null ? text : "in rule \"" + rule.name() + "\": " + text;
    }

    private static String firstLine(String text) {
        int newline = text.indexOf('\n');
        return (newline < 0 ? text : text.substring(0, newline)).trim();
    }

    /**
     * Drops follow-up messages: the parser's "null Package" after a syntax error, and the generated code's
     * complaint about a lambda that failed to compile, when the same file has the real error.
     */
    private static List<RuleProblem> dropEchoes(List<RuleProblem> problems) {
        List<RuleProblem> kept = new ArrayList<>();
        for (RuleProblem problem : problems) {
            boolean followUp = problem.message().contains("Parser returned a null Package")
                    || problem.message().matches(".*not applicable for the arguments \\(.*Lambda\\w+\\).*");
            boolean echo = followUp
                    && problems.stream().anyMatch(other -> other != problem && other.location().equals(problem.location()));
            if (!echo) {
                kept.add(problem);
            }
        }
        return kept;
    }
}
