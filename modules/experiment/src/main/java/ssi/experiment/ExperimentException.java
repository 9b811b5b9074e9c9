package ssi.experiment;

/** An experiment that cannot be read or run: the message names the file, line or setting at fault. */
public final class ExperimentException extends Exception {
    public ExperimentException(String message) {
        super(message);
    }
}
