package ssi.guest;

/** A system call the kernel refused; the guest sees it as an exception carrying this message. */
public final class SyscallException extends RuntimeException {
    public SyscallException(String message) {
        super(message, null, false, false);
    }
}
