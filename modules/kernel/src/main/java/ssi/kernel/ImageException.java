package ssi.kernel;

/** A cluster image that cannot be booted; the message names the file, the field and the problem. */
public final class ImageException extends Exception {
    public ImageException(String message) {
        super(message);
    }
}
