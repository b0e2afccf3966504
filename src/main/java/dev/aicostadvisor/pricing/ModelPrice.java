package dev.aicostadvisor.pricing;

import java.math.BigDecimal;
import java.util.Objects;

import dev.aicostadvisor.model.SizeClass;

/**
 * What one model costs, in USD per million tokens.
 *
 * @param id                        the model id, such as {@code gpt-4.1}
 * @param provider                  who sells it, such as {@code openai}
 * @param sizeClass                 its size class for MS1; for closed models an estimate from its price tier
 * @param inputPerMillionUsd        price of input tokens
 * @param outputPerMillionUsd       price of output tokens
 * @param cachedInputPerMillionUsd  price of input tokens read from the prompt cache, or {@code null} when none
 * @param batchInputPerMillionUsd   price of input tokens in batch jobs, or {@code null} when none
 * @param batchOutputPerMillionUsd  price of output tokens in batch jobs, or {@code null} when none
 * @param source                    where the prices come from
 */
public record ModelPrice(String id, String provider, SizeClass sizeClass, BigDecimal inputPerMillionUsd,
                         BigDecimal outputPerMillionUsd, BigDecimal cachedInputPerMillionUsd,
                         BigDecimal batchInputPerMillionUsd, BigDecimal batchOutputPerMillionUsd, PriceSource source) {

    public ModelPrice {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(sizeClass, "sizeClass");
        Objects.requireNonNull(inputPerMillionUsd, "inputPerMillionUsd");
        Objects.requireNonNull(outputPerMillionUsd, "outputPerMillionUsd");
        Objects.requireNonNull(source, "source");
    }

    /** Returns the cached-input price, or the input price when the model has no prompt cache. */
    public BigDecimal cachedInputOrInput() {
        return cachedInputPerMillionUsd != null ? cachedInputPerMillionUsd : inputPerMillionUsd;
    }

    /** Returns the batch input price, or the input price when the model has no batch discount. */
    public BigDecimal batchInputOrInput() {
        return batchInputPerMillionUsd != null ? batchInputPerMillionUsd : inputPerMillionUsd;
    }

    /** Returns the batch output price, or the output price when the model has no batch discount. */
    public BigDecimal batchOutputOrOutput() {
        return batchOutputPerMillionUsd != null ? batchOutputPerMillionUsd : outputPerMillionUsd;
    }
}
