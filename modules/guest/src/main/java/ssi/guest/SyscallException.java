package ssi.guest;

import org.graalvm.polyglot.HostAccess;

/**
 * A system call the kernel refused. Its message names the call and says why
 * ({@code "write: broken pipe (EPIPE): no process reads pipe 3"}); the guest's prelude turns it
 * into its language's own error: a Node-style {@code Error} with {@code code}, {@code errno} and
 * {@code syscall}, or the matching Python {@code OSError} subclass.
 */
public final class SyscallException extends RuntimeException {
    private final Errno errno;

    public SyscallException(Errno errno, String message) {
        super(message, null, false, false);
        this.errno = errno;
    }

    /** A refusal for a bad argument ({@link Errno#EINVAL}). */
    public SyscallException(String message) {
        this(Errno.EINVAL, message);
    }

    public Errno errno() {
        return errno;
    }

    /** The error's name, e.g. {@code ENOENT} (for the guest's prelude). */
    @HostAccess.Export
    public String code() {
        return errno.name();
    }

    /** Linux's number for the error (for the guest's prelude). */
    @HostAccess.Export
    public int number() {
        return errno.number();
    }

    /** The call that was refused: the message's first word (for the guest's prelude). */
    @HostAccess.Export
    public String call() {
        String m = getMessage();
        int colon = m.indexOf(':');
        return colon < 0 ? "" : m.substring(0, colon);
    }

    /** What the error means, in words: {@code "no such file or directory"} (for the guest's prelude). */
    @HostAccess.Export
    public String reason() {
        return errno.description();
    }

    /** The message (for the guest's prelude). */
    @HostAccess.Export
    public String text() {
        return getMessage();
    }
}
