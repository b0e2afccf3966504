package dev.aicostadvisor.model;

/** How a flowchart decision chooses among its outcome nodes. */
public enum DecisionKind {
    /** One number split into three bands: exactly one outcome. */
    BANDS,
    /** One outcome chosen from one input or from the outcomes upstream. */
    SINGLE_CHOICE,
    /** Any number of outcomes, each with its own condition. */
    ANY_OF,
    /** Outcomes that follow from the outcomes of another decision. */
    FOLLOW_UP
}
