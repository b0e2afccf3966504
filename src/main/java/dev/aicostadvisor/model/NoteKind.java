package dev.aicostadvisor.model;

/** What a note in a report is about. */
public enum NoteKind {
    /** Two phases' outcomes pull in different directions. */
    CONFLICT,
    /** A metric the success check uses was not given, so its check was skipped. */
    NOT_MEASURED,
    /** A default or assumption the evaluation relied on. */
    ASSUMPTION
}
