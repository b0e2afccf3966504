package dev.aicostadvisor.model;

import java.math.BigDecimal;

/** Null-tolerant comparisons of decimals by value, so that 2.0 equals 2.00. */
final class Decimals {

    private Decimals() {
    }

    static boolean sameValue(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    static int hashOf(BigDecimal value) {
        return value == null ? 0 : value.stripTrailingZeros().hashCode();
    }

    static String plain(BigDecimal value) {
        return value == null ? "null" : value.toPlainString();
    }
}
