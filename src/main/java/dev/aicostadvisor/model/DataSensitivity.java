package dev.aicostadvisor.model;

/** How sensitive the workload's data is (decision Q4). */
public enum DataSensitivity {
    /** Public data, or data of low sensitivity. */
    LOW,
    /** Moderately sensitive or regulated data. */
    MODERATE,
    /** Highly sensitive data under strict compliance. */
    HIGH
}
