package dev.aicostadvisor.model;

import java.math.BigDecimal;
import java.util.Objects;

/** The monthly AI budget and, optionally, what has been spent of it this month (decision Q2, success check). */
public final class Budget {

    private final BigDecimal monthlyUsd;
    private final BigDecimal spentThisMonthUsd;

    /**
     * @param monthlyUsd        the monthly budget in USD, from 0
     * @param spentThisMonthUsd the spend so far this month in USD, or {@code null} when not known
     */
    public Budget(BigDecimal monthlyUsd, BigDecimal spentThisMonthUsd) {
        this.monthlyUsd = Limits.requireRange("budget.monthlyUsd", monthlyUsd, BigDecimal.ZERO, Limits.MAX_USD);
        this.spentThisMonthUsd = Limits.optionalRange("budget.spentThisMonthUsd", spentThisMonthUsd, BigDecimal.ZERO, Limits.MAX_USD);
    }

    public BigDecimal getMonthlyUsd() {
        return monthlyUsd;
    }

    /** Returns the spend so far this month in USD, or {@code null} when the scenario does not give it. */
    public BigDecimal getSpentThisMonthUsd() {
        return spentThisMonthUsd;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Budget that
                && monthlyUsd.compareTo(that.monthlyUsd) == 0
                && Decimals.sameValue(spentThisMonthUsd, that.spentThisMonthUsd);
    }

    @Override
    public int hashCode() {
        return Objects.hash(monthlyUsd.stripTrailingZeros(), Decimals.hashOf(spentThisMonthUsd));
    }

    @Override
    public String toString() {
        return "Budget[monthlyUsd=" + monthlyUsd.toPlainString() + ", spentThisMonthUsd=" + Decimals.plain(spentThisMonthUsd) + "]";
    }
}
