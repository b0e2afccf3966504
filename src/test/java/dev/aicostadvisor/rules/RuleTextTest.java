package dev.aicostadvisor.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.BigRange;
import net.jqwik.api.constraints.Scale;

/** The rationale formatting that rules call: exact output, and the same digits as DecimalFormat. */
class RuleTextTest {

    @Test
    void formatsTypicalValues() {
        assertThat(RuleText.usd(new BigDecimal("45000"))).isEqualTo("45,000 USD");
        assertThat(RuleText.usd(new BigDecimal("4.1"))).isEqualTo("4.10 USD");
        assertThat(RuleText.usd(new BigDecimal("0.075"))).isEqualTo("0.075 USD");
        assertThat(RuleText.usd(new BigDecimal("1234.5"))).isEqualTo("1,234.50 USD");
        assertThat(RuleText.usd(new BigDecimal("-1234567"))).isEqualTo("-1,234,567 USD");
        assertThat(RuleText.number(new BigDecimal("2.5"))).isEqualTo("2.5");
        assertThat(RuleText.number(new BigDecimal("1234.56789"))).isEqualTo("1,234.568");
        assertThat(RuleText.count(40_000_000L)).isEqualTo("40,000,000");
        assertThat(RuleText.gpus(1)).isEqualTo("1 GPU");
        assertThat(RuleText.gpus(2_048)).isEqualTo("2,048 GPUs");
        assertThat(RuleText.count(-1_000L)).isEqualTo("-1,000");
        assertThat(RuleText.count(999L)).isEqualTo("999");
        assertThat(RuleText.percent(new BigDecimal("87.5"))).isEqualTo("87.5%");
        assertThat(RuleText.share(new BigDecimal("0.25"))).isEqualTo("25%");
        assertThat(RuleText.ms(new BigDecimal("1200"))).isEqualTo("1,200 ms");
        assertThat(RuleText.months(BigDecimal.ONE)).isEqualTo("1 month");
        assertThat(RuleText.months(new BigDecimal("2.50"))).isEqualTo("2.5 months");
        assertThat(RuleText.usd(null)).isEqualTo("not measured");
    }

    @Test
    void listsNamesAsSentence() {
        assertThat(RuleText.list(List.of())).isEqualTo("");
        assertThat(RuleText.list(List.of("a"))).isEqualTo("a");
        assertThat(RuleText.list(List.of("a", "b"))).isEqualTo("a and b");
        assertThat(RuleText.list(List.of("a", "b", "c"))).isEqualTo("a, b and c");
        assertThat(RuleText.list(null)).isEqualTo("not measured");
    }

    @Property(tries = 2000)
    void numberMatchesDecimalFormat(@ForAll @BigRange(min = "-1000000000", max = "1000000000") @Scale(6) BigDecimal value) {
        assertThat(RuleText.number(value)).isEqualTo(reference(value, 3, false));
        assertThat(RuleText.percent(value)).isEqualTo(reference(value, 2, false) + "%");
        assertThat(RuleText.ms(value)).isEqualTo(reference(value, 1, false) + " ms");
    }

    @Property(tries = 2000)
    void usdMatchesDecimalFormat(@ForAll @BigRange(min = "-100000000", max = "100000000") @Scale(4) BigDecimal amount) {
        BigDecimal size = amount.abs();
        String expected;
        if (size.compareTo(new BigDecimal("1000")) >= 0 && size.stripTrailingZeros().scale() <= 0) {
            expected = reference(amount, 0, false) + " USD";
        } else {
            int decimals = size.compareTo(BigDecimal.ONE) < 0 && amount.signum() != 0 ? 4 : 2;
            String text = reference(amount, decimals, true);
            expected = (text.contains(".") ? text : text + ".00") + " USD";
        }
        assertThat(RuleText.usd(amount)).isEqualTo(expected);
    }

    @Property(tries = 2000)
    void countMatchesDecimalFormat(@ForAll long value) {
        assertThat(RuleText.count(value)).isEqualTo(new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.ENGLISH)).format(value));
    }

    /** The DecimalFormat-based formatting that RuleText replaced, kept as the reference for its output. */
    private static String reference(BigDecimal value, int maxDecimals, boolean money) {
        BigDecimal rounded = value.setScale(maxDecimals, RoundingMode.HALF_UP).stripTrailingZeros();
        DecimalFormat format = new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.ENGLISH));
        format.setRoundingMode(RoundingMode.HALF_UP);
        int scale = Math.max(rounded.scale(), 0);
        if (scale > 0) {
            int decimals = money ? Math.max(scale, 2) : scale;
            format.setMinimumFractionDigits(decimals);
            format.setMaximumFractionDigits(decimals);
        }
        return format.format(rounded);
    }
}
