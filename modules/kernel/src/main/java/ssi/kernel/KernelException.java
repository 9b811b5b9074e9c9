package ssi.kernel;

/** A request the kernel refuses (no such process, no such program, ...); the message says why. */
public final class KernelException extends Exception {
    public KernelException(String message) {
        super(message);
    }
}
