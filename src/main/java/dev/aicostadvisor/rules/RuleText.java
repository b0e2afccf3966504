package dev.aicostadvisor.rules;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * Formats values for the rationale that rules write. Rules import these as functions, for example
 * {@code import function dev.aicostadvisor.rules.RuleText.usd;}. Every method accepts {@code null} and
 * prints "not measured" for it.
 *
 * <p>Rules call these on every evaluation, so they group digits by hand instead of building a
 * {@code DecimalFormat} each time; the output is the same as {@code DecimalFormat("#,##0")} in English.
 */
public final class RuleText {

    private static final String NOT_MEASURED = "not measured";
    private static final BigDecimal THOUSAND = new BigDecimal("1000");

    private RuleText() {
    }

    /**
     * Formats an amount of money. Whole amounts from 1,000 up print without cents ("45,000 USD"); smaller
     * ones print with cents ("2.00 USD", "4.10 USD"), and amounts under 1 with up to four decimals ("0.075 USD").
     */
    public static String usd(BigDecimal amount) {
        if (amount == null) {
            return NOT_MEASURED;
        }
        BigDecimal size = amount.abs();
        if (size.compareTo(THOUSAND) >= 0 && size.stripTrailingZeros().scale() <= 0) {
            return decimal(amount, 0, false) + " USD";
        }
        int decimals = size.compareTo(BigDecimal.ONE) < 0 && amount.signum() != 0 ? 4 : 2;
        String text = decimal(amount, decimals, true);
        return (text.contains(".") ? text : text + ".00") + " USD";
    }

    /** Formats a plain number with thousands separators and at most three decimals: "8", "2.5", "40,000,000". */
    public static String number(BigDecimal value) {
        if (value == null) {
            return NOT_MEASURED;
        }
        return decimal(value, 3, false);
    }

    /** Formats a number of GPUs with its noun: "1 GPU", "2,048 GPUs". */
    public static String gpus(long value) {
        return count(value) + (value == 1 ? " GPU" : " GPUs");
    }

    /** Formats a whole number with thousands separators: "40,000,000". */
    public static String count(long value) {
        String digits = Long.toString(value);
        return value < 0 ? "-" + group(digits.substring(1)) : group(digits);
    }

    /** Joins names as a sentence lists them: "a", "a and b", "a, b and c". */
    public static String list(List<String> names) {
        if (names == null) {
            return NOT_MEASURED;
        }
        if (names.size() <= 1) {
            return String.join("", names);
        }
        return String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
    }

    /** Formats a percentage given in percent: "42%", "87.5%". */
    public static String percent(BigDecimal percent) {
        if (percent == null) {
            return NOT_MEASURED;
        }
        return decimal(percent, 2, false) + "%";
    }

    /** Formats a share between 0 and 1 as a percentage: 0.25 becomes "25%". */
    public static String share(BigDecimal share) {
        if (share == null) {
            return NOT_MEASURED;
        }
        return percent(share.movePointRight(2));
    }

    /** Formats a duration in milliseconds: "1,200 ms". */
    public static String ms(BigDecimal millis) {
        if (millis == null) {
            return NOT_MEASURED;
        }
        return decimal(millis, 1, false) + " ms";
    }

    /** Formats a signed percentage with two decimals: "+7.50%", "-5.00%". */
    public static String signedPercent(BigDecimal percent) {
        return (percent.signum() > 0 ? "+" : "") + percent.setScale(2, RoundingMode.HALF_UP).toPlainString() + "%";
    }

    /** Formats a number of months: "1 month", "8 months", "2.5 months". */
    public static String months(BigDecimal months) {
        if (months == null) {
            return NOT_MEASURED;
        }
        return decimal(months, 2, false) + (months.compareTo(BigDecimal.ONE) == 0 ? " month" : " months");
    }

    /**
     * Formats a decimal with grouping. Whole amounts print without decimals; others print with at least
     * two decimals when {@code money} is set, and with at most {@code maxDecimals}, rounded half up.
     */
    private static String decimal(BigDecimal value, int maxDecimals, boolean money) {
        BigDecimal rounded = value.setScale(maxDecimals, RoundingMode.HALF_UP).stripTrailingZeros();
        int scale = Math.max(rounded.scale(), 0);
        int decimals = scale > 0 && money ? Math.max(scale, 2) : scale;
        String plain = rounded.setScale(decimals, RoundingMode.UNNECESSARY).abs().toPlainString();
        int point = plain.indexOf('.');
        String whole = point < 0 ? group(plain) : group(plain.substring(0, point)) + plain.substring(point);
        return rounded.signum() < 0 ? "-" + whole : whole;
    }

    /** Inserts a comma between each group of three digits of a run of digits: "40000000" to "40,000,000". */
    private static String group(String digits) {
        int length = digits.length();
        if (length <= 3) {
            return digits;
        }
        StringBuilder grouped = new StringBuilder(length + length / 3);
        int first = length % 3 == 0 ? 3 : length % 3;
        grouped.append(digits, 0, first);
        for (int i = first; i < length; i += 3) {
            grouped.append(',').append(digits, i, i + 3);
        }
        return grouped.toString();
    }
}
