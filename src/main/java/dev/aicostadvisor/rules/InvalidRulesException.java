package dev.aicostadvisor.rules;

import java.util.List;

/** Thrown when a rule set cannot be read or does not compile; nothing is evaluated with it. */
public class InvalidRulesException extends RuntimeException {

    private final List<RuleProblem> problems;

    public InvalidRulesException(String summary, List<RuleProblem> problems) {
        super(summary + describe(problems));
        this.problems = List.copyOf(problems);
    }

    public InvalidRulesException(String message) {
        this(message, List.of());
    }

    public List<RuleProblem> problems() {
        return problems;
    }

    private static String describe(List<RuleProblem> problems) {
        StringBuilder text = new StringBuilder();
        for (RuleProblem problem : problems) {
            text.append(System.lineSeparator()).append(problem);
        }
        return text.toString();
    }
}
