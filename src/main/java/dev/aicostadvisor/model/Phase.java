package dev.aicostadvisor.model;

/**
 * The four phases of the decision flowchart and its success check, in firing order.
 * Each phase is one agenda group in the rules, named by {@link #group()}.
 */
public enum Phase {
    PHASE_1("phase1", "Phase 1: Initial assessment"),
    PHASE_2("phase2", "Phase 2: Strategic assessment"),
    PHASE_3("phase3", "Phase 3: Optimization strategy"),
    PHASE_4("phase4", "Phase 4: Guardrails and monitoring"),
    SUCCESS("success", "Success check");

    private final String group;
    private final String title;

    Phase(String group, String title) {
        this.group = group;
        this.title = title;
    }

    /** The agenda group (the {@code ruleflow-group} attribute) of the rules of this phase. */
    public String group() {
        return group;
    }

    public String title() {
        return title;
    }

    /** Finds a phase by its agenda group name, such as {@code phase2}. */
    public static Phase ofGroup(String group) {
        for (Phase phase : values()) {
            if (phase.group.equals(group)) {
                return phase;
            }
        }
        throw new IllegalArgumentException("unknown phase '" + group + "'; expected one of phase1, phase2, phase3, phase4, success");
    }
}
