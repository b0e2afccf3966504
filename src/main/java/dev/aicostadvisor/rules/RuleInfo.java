package dev.aicostadvisor.rules;

import dev.aicostadvisor.model.Phase;

/**
 * A compiled rule and where its text is.
 *
 * @param name        the rule name
 * @param packageName its package, which is its folder
 * @param phase       the phase whose agenda group it belongs to, or {@code null} for none
 * @param location    the file, as messages name it
 * @param line        the line of {@code rule "..."}, from 1, or 0 when unknown
 */
public record RuleInfo(String name, String packageName, Phase phase, String location, int line) {

    /** Formats where the rule is, as {@code file:line}. */
    public String place() {
        return line > 0 ? location + ":" + line : location;
    }
}
