package dev.aicostadvisor.model;

/** The primary business driver of the workload (decision TB1). */
public enum BusinessDriver {
    /** Speed to market: time-critical delivery. */
    SPEED,
    /** Cost containment under a constrained budget. */
    COST,
    /** Business value: revenue or customer impact. */
    VALUE
}
