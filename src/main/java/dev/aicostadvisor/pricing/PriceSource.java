package dev.aicostadvisor.pricing;

import java.time.LocalDate;
import java.util.Objects;

/**
 * Where a price comes from and when it was read.
 *
 * @param name  a short name, such as {@code litellm}
 * @param title what and where the source is, such as a price page's title and address
 * @param asOf  the date the price was read from it
 */
public record PriceSource(String name, String title, LocalDate asOf) {

    public PriceSource {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(asOf, "asOf");
    }

    /** Formats the source for a report: "title, as of 2026-07-24". */
    @Override
    public String toString() {
        return title + ", as of " + asOf;
    }
}
