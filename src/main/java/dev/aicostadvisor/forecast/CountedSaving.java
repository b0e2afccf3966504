package dev.aicostadvisor.forecast;

/**
 * A recommended technique whose saving the forecast already includes, so that the combined savings leave it out
 * rather than count it twice.
 *
 * @param node    the outcome node, such as {@code Cache}
 * @param reason  why the forecast already includes it, as a sentence
 */
public record CountedSaving(String node, String reason) {
}
