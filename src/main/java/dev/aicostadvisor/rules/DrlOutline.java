package dev.aicostadvisor.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The outline of a DRL file read as text: its package and where each rule and its consequence start and
 * end. The rule compiler does not keep source lines for the executable model, so this outline is how
 * messages, {@code explain} and {@code validate} point at a file and line.
 *
 * <p>NOTE: this is a line-based reading, not a DRL parser. It expects {@code package}, {@code rule},
 * {@code then} and {@code end} at the start of a line, as every file in the shipped rules has them.
 */
public final class DrlOutline {

    private static final Pattern PACKAGE = Pattern.compile("^\\s*package\\s+([\\w.]+)\\s*;?\\s*$");
    private static final Pattern RULE = Pattern.compile("^\\s*rule\\s+(\"((?:[^\"\\\\]|\\\\.)*)\"|'((?:[^'\\\\]|\\\\.)*)'|(\\S+))");
    private static final Pattern THEN = Pattern.compile("^\\s*then\\b.*");
    private static final Pattern END = Pattern.compile("^\\s*end\\b.*");

    private final RuleFile file;
    private final String packageName;
    private final int packageLine;
    private final List<RuleOutline> rules;
    private final List<RuleOutline> unterminated;
    private final String[] lines;

    /**
     * A rule's place in its file.
     *
     * @param name      the rule name
     * @param location  the file as messages name it
     * @param line      the line of {@code rule "..."}, from 1
     * @param thenLine  the line of {@code then}, or 0 when missing
     * @param endLine   the line of {@code end}, or 0 when missing
     */
    public record RuleOutline(String name, String location, int line, int thenLine, int endLine) {
    }

    private DrlOutline(RuleFile file) {
        this.file = file;
        this.lines = file.content().split("\r?\n", -1);
        String foundPackage = null;
        int foundPackageLine = 0;
        List<RuleOutline> found = new ArrayList<>();
        List<RuleOutline> unterminated = new ArrayList<>();
        boolean inBlockComment = false;
        String ruleName = null;
        int ruleLine = 0;
        int thenLine = 0;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (inBlockComment) {
                int close = line.indexOf("*/");
                if (close < 0) {
                    continue;
                }
                inBlockComment = false;
                line = line.substring(close + 2);
            }
            if (line.trim().startsWith("/*") && !line.contains("*/")) {
                inBlockComment = true;
                continue;
            }
            if (line.trim().startsWith("//")) {
                continue;
            }
            Matcher matcher;
            if (ruleName == null && foundPackage == null && (matcher = PACKAGE.matcher(line)).matches()) {
                foundPackage = matcher.group(1);
                foundPackageLine = i + 1;
            } else if (ruleName != null && (matcher = RULE.matcher(line)).find()) {
                // A rule keyword inside a rule means the earlier rule lost its end. The parser reports that error
                // inside the later rule, so the outline records where the end is missing.
                unterminated.add(new RuleOutline(ruleName, file.location(), ruleLine, thenLine, i + 1));
                ruleName = matcher.group(2) != null ? matcher.group(2) : matcher.group(3) != null ? matcher.group(3) : matcher.group(4);
                ruleLine = i + 1;
                thenLine = 0;
            } else if (ruleName == null && (matcher = RULE.matcher(line)).find()) {
                ruleName = matcher.group(2) != null ? matcher.group(2) : matcher.group(3) != null ? matcher.group(3) : matcher.group(4);
                ruleLine = i + 1;
                thenLine = 0;
            } else if (ruleName != null && thenLine == 0 && THEN.matcher(line).matches()) {
                thenLine = i + 1;
            } else if (ruleName != null && END.matcher(line).matches()) {
                found.add(new RuleOutline(ruleName, file.location(), ruleLine, thenLine, i + 1));
                ruleName = null;
            }
        }
        if (ruleName != null) {
            found.add(new RuleOutline(ruleName, file.location(), ruleLine, thenLine, 0));
        }
        this.packageName = foundPackage;
        this.packageLine = foundPackageLine;
        this.rules = List.copyOf(found);
        this.unterminated = List.copyOf(unterminated);
    }

    /**
     * Returns the rules that another rule follows before their {@code end}; each one's end line is the line of
     * the rule after it.
     */
    public List<RuleOutline> unterminated() {
        return unterminated;
    }

    public static DrlOutline of(RuleFile file) {
        return new DrlOutline(file);
    }

    public RuleFile file() {
        return file;
    }

    /** Returns the declared package, or {@code null} when the file declares none. */
    public String packageName() {
        return packageName;
    }

    public int packageLine() {
        return packageLine;
    }

    public List<RuleOutline> rules() {
        return rules;
    }

    /** Returns a line of the file, from 1, or an empty string past its end. */
    public String line(int number) {
        return number >= 1 && number <= lines.length ? lines[number - 1] : "";
    }

    public int lineCount() {
        return lines.length;
    }

    /** Returns the rule whose text spans the given line, if any. */
    public RuleOutline ruleAt(int line) {
        for (RuleOutline rule : rules) {
            if (line >= rule.line() && (rule.endLine() == 0 || line <= rule.endLine())) {
                return rule;
            }
        }
        return null;
    }
}
