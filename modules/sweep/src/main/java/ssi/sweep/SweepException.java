package ssi.sweep;

/** A sweep that cannot start or go on: the message names the option, member or run at fault. */
public final class SweepException extends Exception {
    public SweepException(String message) {
        super(message);
    }
}
