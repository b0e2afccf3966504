package dev.aicostadvisor.pricing;

/**
 * Thrown when a pricing or savings file cannot be read: it is missing or malformed, or a price is missing,
 * negative or refers to an unknown source. The message is one line naming the file, line and field.
 */
public class InvalidPricingException extends RuntimeException {

    public InvalidPricingException(String message) {
        super(message);
    }

    public InvalidPricingException(String message, Throwable cause) {
        super(message, cause);
    }
}
