package dev.aicostadvisor.model;

/** How the workload's business impact is measured (decision TB3). */
public enum BusinessImpact {
    /** Revenue-generating and customer-facing. */
    REVENUE,
    /** Internal productivity and efficiency gains. */
    PRODUCTIVITY,
    /** Experimental work and innovation. */
    EXPERIMENTAL
}
