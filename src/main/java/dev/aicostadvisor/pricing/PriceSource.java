package dev.aicostadvisor.pricing;

import java.time.LocalDate;
import java.util.Objects;

/**
 * Where a price comes from and the date that goes with it.
 *
 * @param name     a short name, such as {@code litellm}
 * @param title    what and where the source is, such as a price page's title and address
 * @param date     the date of the prices, of the kind {@code dateKind} names
 * @param dateKind whether {@code date} is when the prices were read or only when the file was last modified
 */
public record PriceSource(String name, String title, LocalDate date, DateKind dateKind) {

    /** The kind of date a price source carries. */
    public enum DateKind {
        /** The date the prices were read from the source, as a catalogue in the advisor's format states it. */
        READ("as of"),
        /**
         * The last-modified date of an imported file. The file does not say when its prices were read, and a copy
         * or a {@code touch} changes this date.
         */
        FILE_MODIFIED("file dated");

        private final String label;

        DateKind(String label) {
            this.label = label;
        }

        /** Returns the words that precede the date in a report: "as of" or "file dated". */
        public String label() {
            return label;
        }
    }

    public PriceSource {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(dateKind, "dateKind");
    }

    /** Creates a source whose prices were read on {@code asOf}. */
    public PriceSource(String name, String title, LocalDate asOf) {
        this(name, title, asOf, DateKind.READ);
    }

    /** Formats the source for a report: "title, as of 2026-07-24" or "title, file dated 2026-07-24". */
    @Override
    public String toString() {
        return title + ", " + dateKind.label() + " " + date;
    }
}
