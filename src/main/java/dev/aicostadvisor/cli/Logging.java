package dev.aicostadvisor.cli;

import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;

/** Sets how much the command logs on standard error. */
final class Logging {

    private Logging() {
    }

    /** Logs the advisor's INFO lines by default, only warnings with quiet, and DEBUG with verbose. */
    static void configure(boolean quiet, boolean verbose) {
        Level level = verbose ? Level.DEBUG : quiet ? Level.WARN : Level.INFO;
        if (LoggerFactory.getLogger("dev.aicostadvisor") instanceof Logger advisor) {
            advisor.setLevel(level);
        }
    }
}
