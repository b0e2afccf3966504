package dev.aicostadvisor.model;

/** The shape of the workload's load over time (decision WL1). */
public enum WorkloadPattern {
    /** Constant, predictable load, 24 hours a day. */
    CONSTANT,
    /** Predictable, time-based peaks. */
    PEAKS,
    /** Highly variable, unpredictable load. */
    VARIABLE
}
