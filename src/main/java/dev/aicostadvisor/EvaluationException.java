package dev.aicostadvisor;

/**
 * Thrown when an evaluation fails: a rule threw, or the rules fired more often or longer than allowed.
 * The session is disposed before this is thrown, and the next evaluation is unaffected.
 */
public class EvaluationException extends RuntimeException {

    private final String scenario;
    private final String rule;

    public EvaluationException(String message, String scenario, String rule, Throwable cause) {
        super(message, cause);
        this.scenario = scenario;
        this.rule = rule;
    }

    /** Returns the name of the scenario being evaluated. */
    public String scenario() {
        return scenario;
    }

    /** Returns the rule that failed or fired last, or {@code null} when none is known. */
    public String rule() {
        return rule;
    }
}
