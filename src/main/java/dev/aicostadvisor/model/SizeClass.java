package dev.aicostadvisor.model;

import java.util.Locale;

/** The model size classes of decision MS1; the query mix gives each its share of queries. */
public enum SizeClass {
    /** Large models (70B+ parameters, or a provider's premium tier) for complex reasoning. */
    LARGE,
    /** Medium models (7-70B, or a provider's mid tier) for balanced requirements. */
    MEDIUM,
    /** Small models (1-7B, or a provider's cheapest tier) for simple, high-volume tasks. */
    SMALL;

    /** Returns the name that scenario and pricing files use: large, medium or small. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
