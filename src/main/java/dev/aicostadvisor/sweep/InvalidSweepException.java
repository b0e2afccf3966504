package dev.aicostadvisor.sweep;

/** Thrown when a sweep's inputs are invalid: an unknown field, a malformed range, or a value out of range. */
public class InvalidSweepException extends RuntimeException {

    public InvalidSweepException(String message) {
        super(message);
    }
}
