package dev.aicostadvisor.analysis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import dev.aicostadvisor.rules.CompiledRules;
import dev.aicostadvisor.rules.DrlOutline;
import dev.aicostadvisor.rules.RuleFile;

/** The conditions of each rule as written in its file: the lines between {@code when} and {@code then}. */
final class RuleTextIndex {

    private static final Pattern WHEN = Pattern.compile("^\\s*when\\b\\s*(.*)$");

    private final Map<String, List<String>> conditions = new HashMap<>();

    RuleTextIndex(CompiledRules rules) {
        for (RuleFile file : rules.source().files()) {
            DrlOutline outline = DrlOutline.of(file);
            for (DrlOutline.RuleOutline rule : outline.rules()) {
                conditions.putIfAbsent(rule.name(), conditionsOf(outline, rule));
            }
        }
    }

    /** Returns the condition lines of a rule, trimmed, without blank and comment lines; empty when unknown. */
    List<String> conditions(String ruleName) {
        return conditions.getOrDefault(ruleName, List.of());
    }

    private static List<String> conditionsOf(DrlOutline outline, DrlOutline.RuleOutline rule) {
        int last = rule.thenLine() > 0 ? rule.thenLine() - 1 : rule.endLine() > 0 ? rule.endLine() - 1 : outline.lineCount();
        List<String> lines = new ArrayList<>();
        boolean inConditions = false;
        for (int number = rule.line() + 1; number <= last; number++) {
            String line = outline.line(number);
            if (!inConditions) {
                var when = WHEN.matcher(line);
                if (when.matches()) {
                    inConditions = true;
                    line = when.group(1);
                } else {
                    continue;
                }
            }
            String trimmed = line.trim();
            if (!trimmed.isEmpty() && !trimmed.startsWith("//")) {
                lines.add(trimmed);
            }
        }
        return List.copyOf(lines);
    }
}
