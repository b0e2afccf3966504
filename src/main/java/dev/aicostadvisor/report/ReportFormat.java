package dev.aicostadvisor.report;

import java.util.Locale;

/** The formats a report can be written in. */
public enum ReportFormat {
    /** For a person at a terminal. */
    TEXT,
    /** For a wiki page or a pull request. */
    MARKDOWN,
    /** One pretty-printed JSON document, for programs. */
    JSON,
    /** One compact JSON document per line, for streams and batches. */
    JSONL;

    /** Returns the format's name as the command line spells it. */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
