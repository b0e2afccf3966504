package dev.aicostadvisor.cli;

/** The exit codes of the {@code advisor} command. */
public final class ExitCodes {

    /** All went well. */
    public static final int OK = 0;
    /** A fixture's expectation failed, or a rule edit changed outcomes where a check asked for none. */
    public static final int EXPECTATION_FAILED = 1;
    /** Invalid input: a malformed scenario, an unknown value, invalid rules, or a wrong option. */
    public static final int INVALID_INPUT = 2;
    /** A fault in the advisor itself; the message asks for a bug report. */
    public static final int INTERNAL_ERROR = 3;

    private ExitCodes() {
    }
}
