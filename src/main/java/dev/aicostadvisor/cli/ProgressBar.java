package dev.aicostadvisor.cli;

import java.io.PrintWriter;
import java.util.function.LongSupplier;

/**
 * The progress of a batch, drawn on standard error as one line that is redrawn in place:
 * {@code [#########-----------]  12/40 scenarios, 1 invalid, 1 failed}, or {@code 1234 scenarios, 2 invalid} when
 * the total is not known in advance, as for a stream on standard input. "Failed" counts the scenarios that
 * were read but failed to evaluate.
 *
 * <p>The line is cleared before anything else is written to the terminal (an error line, or a report when
 * the reports go to the same terminal) and drawn again after it, so the bar always stays below the output.
 * Redraws are at most one per {@link #REDRAW_INTERVAL_NANOS}, so that a batch of many small scenarios does
 * not flood the terminal.
 */
final class ProgressBar {

    /** The shortest time between two redraws of the same line, in nanoseconds. */
    static final long REDRAW_INTERVAL_NANOS = 100_000_000L;
    /** The width of the bar itself, in characters; the whole line stays under 80 characters. */
    static final int BAR_WIDTH = 30;

    private static final String CLEAR_LINE = "\r\u001B[K";

    private final PrintWriter err;
    private final int total;
    private final boolean reportsOnSameTerminal;
    private final LongSupplier nanoTime;
    private boolean drawn;
    private long lastDraw;
    private int done;
    private int invalid;
    private int failed;

    /**
     * @param err                   standard error, where the bar is drawn, or {@code null} to draw nothing
     * @param total                 the number of scenarios, or -1 when it is not known in advance
     * @param reportsOnSameTerminal whether the reports may go to the terminal that shows the bar
     * @param nanoTime              the clock that paces redraws, {@code System::nanoTime} outside tests
     */
    ProgressBar(PrintWriter err, int total, boolean reportsOnSameTerminal, LongSupplier nanoTime) {
        this.err = err;
        this.total = total;
        this.reportsOnSameTerminal = reportsOnSameTerminal;
        this.nanoTime = nanoTime;
    }

    /** Returns a progress bar that draws nothing, for when standard error is not a terminal. */
    static ProgressBar disabled() {
        return new ProgressBar(null, -1, false, () -> 0);
    }

    boolean enabled() {
        return err != null;
    }

    /** Clears the bar when the report about to be written may appear on the same terminal. */
    void beforeReport() {
        if (reportsOnSameTerminal) {
            clear();
        }
    }

    /** Clears the bar before an error line is written to standard error. */
    void beforeError() {
        clear();
    }

    /**
     * Records the counts so far and redraws the bar, unless it was drawn less than
     * {@link #REDRAW_INTERVAL_NANOS} ago and is still on screen.
     */
    void update(int evaluated, int invalidCount, int failedCount) {
        this.done = evaluated + invalidCount + failedCount;
        this.invalid = invalidCount;
        this.failed = failedCount;
        if (!enabled()) {
            return;
        }
        long now = nanoTime.getAsLong();
        if (drawn && now - lastDraw < REDRAW_INTERVAL_NANOS) {
            return;
        }
        err.print("\r" + line() + "\u001B[K");
        err.flush();
        drawn = true;
        lastDraw = now;
    }

    /** Removes the bar, before the summary line. */
    void finish() {
        clear();
    }

    /** Returns the text of the bar for the current counts. */
    String line() {
        String counts = (total < 0 ? done + " scenarios" : done + "/" + total + " scenarios")
                + (invalid > 0 ? ", " + invalid + " invalid" : "")
                + (failed > 0 ? ", " + failed + " failed" : "");
        if (total <= 0) {
            return counts;
        }
        int filled = (int) Math.min(BAR_WIDTH, (long) done * BAR_WIDTH / total);
        return "[" + "#".repeat(filled) + "-".repeat(BAR_WIDTH - filled) + "]  " + counts;
    }

    private void clear() {
        if (drawn) {
            err.print(CLEAR_LINE);
            err.flush();
            drawn = false;
        }
    }
}
