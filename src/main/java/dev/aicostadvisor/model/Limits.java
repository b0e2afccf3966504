package dev.aicostadvisor.model;

import java.math.BigDecimal;

/**
 * The ranges that scenario values must fall in, shared by the scenario reader and the constructors of the
 * fact classes. The upper limits reject amounts too large to be real while leaving room for the largest
 * organisations: no AI budget comes near ten billion USD a month.
 */
public final class Limits {

    public static final BigDecimal MAX_USD = new BigDecimal("10000000000");
    public static final BigDecimal MAX_HOURLY_GPU_USD = new BigDecimal("10000");
    public static final BigDecimal MAX_COST_PER_MILLION_TOKENS_USD = new BigDecimal("100000");
    public static final BigDecimal MAX_MATURITY_MONTHS = new BigDecimal("1200");
    public static final BigDecimal MAX_LATENCY_MS = new BigDecimal("86400000");
    public static final BigDecimal MAX_ROI = new BigDecimal("1000000");
    public static final BigDecimal HUNDRED = new BigDecimal("100");
    public static final long MAX_TOKENS_PER_MONTH = 10_000_000_000_000_000L;
    public static final int MAX_ENGINEERS = 1_000_000;
    public static final int MAX_GPUS = 10_000_000;
    /** The most digits after the decimal point that a scenario value may have. */
    public static final int MAX_SCALE = 9;

    private Limits() {
    }

    /** Checks that a value lies in [min, max] and returns it; the message names the field. */
    public static BigDecimal requireRange(String field, BigDecimal value, BigDecimal min, BigDecimal max) {
        if (value == null) {
            throw new IllegalArgumentException(field + " is missing");
        }
        if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            throw new IllegalArgumentException(field + ": " + value.toPlainString() + " is out of range; expected "
                    + describeRange(min, max, true));
        }
        return value;
    }

    /** Like {@link #requireRange} but accepts {@code null} for an optional field. */
    public static BigDecimal optionalRange(String field, BigDecimal value, BigDecimal min, BigDecimal max) {
        return value == null ? null : requireRange(field, value, min, max);
    }

    /** Checks that a value is above zero and at most max, for targets such as latency where zero means nothing. */
    public static BigDecimal requirePositive(String field, BigDecimal value, BigDecimal max) {
        if (value == null) {
            throw new IllegalArgumentException(field + " is missing");
        }
        if (value.signum() <= 0 || value.compareTo(max) > 0) {
            throw new IllegalArgumentException(field + ": " + value.toPlainString() + " is out of range; expected "
                    + describeRange(BigDecimal.ZERO, max, false));
        }
        return value;
    }

    public static long requireRange(String field, long value, long min, long max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(field + ": " + value + " is out of range; expected a whole number from "
                    + min + " to " + max);
        }
        return value;
    }

    /** Describes an allowed range in words, such as "a number from 0 to 100". */
    public static String describeRange(BigDecimal min, BigDecimal max, boolean minInclusive) {
        String from = minInclusive ? "a number from " + min.toPlainString() : "a number above " + min.toPlainString();
        return from + (minInclusive ? " to " : " and at most ") + max.toPlainString();
    }
}
