package ssi.api;

/** A policy plugin refused its settings, or failed. */
public class PolicyException extends Exception {
    public PolicyException(String message) {
        super(message);
    }
}
