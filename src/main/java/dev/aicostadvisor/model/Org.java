package dev.aicostadvisor.model;

import java.math.BigDecimal;
import java.util.Objects;

/** The organisation: its name, how long it has worked on AI, and its AI engineers (decisions Q1 and Q3). */
public final class Org {

    private final String name;
    private final BigDecimal aiMaturityMonths;
    private final int aiEngineers;

    /**
     * @param name             the organisation's name, or {@code null}
     * @param aiMaturityMonths months of AI work so far, from 0
     * @param aiEngineers      AI engineers available, from 0
     */
    public Org(String name, BigDecimal aiMaturityMonths, int aiEngineers) {
        this.name = name;
        this.aiMaturityMonths = Limits.requireRange("org.aiMaturityMonths", aiMaturityMonths, BigDecimal.ZERO, Limits.MAX_MATURITY_MONTHS);
        this.aiEngineers = (int) Limits.requireRange("org.aiEngineers", aiEngineers, 0, Limits.MAX_ENGINEERS);
    }

    public String getName() {
        return name;
    }

    public BigDecimal getAiMaturityMonths() {
        return aiMaturityMonths;
    }

    public int getAiEngineers() {
        return aiEngineers;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Org that
                && Objects.equals(name, that.name)
                && aiMaturityMonths.compareTo(that.aiMaturityMonths) == 0
                && aiEngineers == that.aiEngineers;
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, aiMaturityMonths.stripTrailingZeros(), aiEngineers);
    }

    @Override
    public String toString() {
        return "Org[name=" + name + ", aiMaturityMonths=" + aiMaturityMonths.toPlainString() + ", aiEngineers=" + aiEngineers + "]";
    }
}
