package dev.aicostadvisor.rules;

/**
 * A problem found in a rule set, located as precisely as the rule compiler allows.
 *
 * @param location the file as messages name it, such as {@code rules/phase1/budget.drl}
 * @param line     the line, from 1, or 0 when unknown
 * @param column   the column, from 1, or 0 when unknown
 * @param message  what is wrong
 */
public record RuleProblem(String location, int line, int column, String message) {

    /** Formats the problem as {@code file:line:column: message}, leaving out what is unknown. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(location);
        if (line > 0) {
            text.append(':').append(line);
            if (column > 0) {
                text.append(':').append(column);
            }
        }
        return text.append(": ").append(message).toString();
    }
}
