package dev.aicostadvisor.model;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * The share of queries that need a large, a medium or a small model (decision MS1). The shares lie between
 * 0 and 1 and sum to 1, within {@link #SUM_TOLERANCE} so that thirds written as 0.333 are accepted.
 */
public final class QueryMix {

    /** How far the sum of the shares may be from 1. */
    public static final BigDecimal SUM_TOLERANCE = new BigDecimal("0.001");

    /** The flowchart's mix, used when a scenario gives none: 20% complex, 60% balanced, 20% simple. */
    public static final QueryMix DEFAULT = new QueryMix(new BigDecimal("0.2"), new BigDecimal("0.6"), new BigDecimal("0.2"));

    private final BigDecimal complex;
    private final BigDecimal balanced;
    private final BigDecimal simple;

    public QueryMix(BigDecimal complex, BigDecimal balanced, BigDecimal simple) {
        this.complex = Limits.requireRange("workload.queryMix.complex", complex, BigDecimal.ZERO, BigDecimal.ONE);
        this.balanced = Limits.requireRange("workload.queryMix.balanced", balanced, BigDecimal.ZERO, BigDecimal.ONE);
        this.simple = Limits.requireRange("workload.queryMix.simple", simple, BigDecimal.ZERO, BigDecimal.ONE);
        BigDecimal sum = sum();
        if (sum.subtract(BigDecimal.ONE).abs().compareTo(SUM_TOLERANCE) > 0) {
            throw new IllegalArgumentException("workload.queryMix: the shares sum to " + sum.toPlainString()
                    + "; expected complex + balanced + simple = 1");
        }
    }

    /** Returns the share of complex-reasoning queries, which need a large model. */
    public BigDecimal getComplex() {
        return complex;
    }

    /** Returns the share of queries with balanced requirements, for a medium model. */
    public BigDecimal getBalanced() {
        return balanced;
    }

    /** Returns the share of simple, high-volume queries, for a small model. */
    public BigDecimal getSimple() {
        return simple;
    }

    /** Returns how many of the three model classes have a share above zero. */
    public int getClassesInUse() {
        return (complex.signum() > 0 ? 1 : 0) + (balanced.signum() > 0 ? 1 : 0) + (simple.signum() > 0 ? 1 : 0);
    }

    public BigDecimal sum() {
        return complex.add(balanced).add(simple);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof QueryMix that
                && complex.compareTo(that.complex) == 0
                && balanced.compareTo(that.balanced) == 0
                && simple.compareTo(that.simple) == 0;
    }

    @Override
    public int hashCode() {
        return Objects.hash(complex.stripTrailingZeros(), balanced.stripTrailingZeros(), simple.stripTrailingZeros());
    }

    @Override
    public String toString() {
        return "QueryMix[complex=" + complex.toPlainString() + ", balanced=" + balanced.toPlainString() + ", simple=" + simple.toPlainString() + "]";
    }
}
