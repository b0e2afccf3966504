package dev.aicostadvisor.scenario;

/**
 * Thrown when a scenario cannot be read: the file is missing or malformed, or a field is unknown, missing or
 * out of range. The message is one line: {@code file:line: field: what is wrong; what is allowed}.
 */
public class InvalidScenarioException extends RuntimeException {

    private final String source;
    private final int line;
    private final String field;
    private final String problem;

    /**
     * @param source  the file or stream, as the user named it
     * @param line    the line, from 1, or 0 when the problem has no line
     * @param field   the field's path, such as {@code budget.monthlyUsd}, or {@code null} for the whole file
     * @param problem what is wrong and what is allowed
     */
    public InvalidScenarioException(String source, int line, String field, String problem) {
        super(format(source, line, field, problem));
        this.source = source;
        this.line = line;
        this.field = field;
        this.problem = problem;
    }

    public String source() {
        return source;
    }

    public int line() {
        return line;
    }

    public String field() {
        return field;
    }

    public String problem() {
        return problem;
    }

    private static String format(String source, int line, String field, String problem) {
        StringBuilder text = new StringBuilder(source);
        if (line > 0) {
            text.append(':').append(line);
        }
        text.append(": ");
        if (field != null) {
            text.append(field).append(": ");
        }
        return text.append(problem).toString();
    }
}
