package dev.aicostadvisor.forecast;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/** Decimal arithmetic for the forecast: money is rounded to the cent, half up, only where a figure is reported. */
final class Money {

    static final BigDecimal MILLION = new BigDecimal("1000000");
    static final BigDecimal HUNDRED = new BigDecimal("100");
    /** Enough digits for every intermediate figure; rounding happens once, to the cent. */
    static final MathContext CONTEXT = MathContext.DECIMAL128;

    private Money() {
    }

    static BigDecimal cents(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP);
    }

    /** Rounds a share such as 0.7696 to a percentage with two decimals: 76.96. */
    static BigDecimal percent(BigDecimal share) {
        return share.multiply(HUNDRED).setScale(2, RoundingMode.HALF_UP);
    }
}
