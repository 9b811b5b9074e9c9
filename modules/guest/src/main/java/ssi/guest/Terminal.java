package ssi.guest;

import java.io.IOException;
import java.io.OutputStream;

/**
 * The process's stdout or stderr, line by line (a partial line goes when its newline comes, or
 * at the end; flushes do not split lines, GraalPy flushing after every write): each line is
 * stamped with the virtual time it was completed, and a process away from home sends its deputy
 * whole lines.
 */
final class Terminal extends OutputStream {
    private final GuestProcess process;
    private final boolean stderr;
    private final java.io.ByteArrayOutputStream line = new java.io.ByteArrayOutputStream();

    Terminal(GuestProcess process, boolean stderr) {
        this.process = process;
        this.stderr = stderr;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        line.write(b, off, len);
        byte[] pending = line.toByteArray();
        int end = pending.length;
        while (end > 0 && pending[end - 1] != '\n') {
            end--;
        }
        if (end > 0) {
            line.reset();
            line.write(pending, end, pending.length - end);
            emit(java.util.Arrays.copyOf(pending, end));
        }
    }

    /** Sends a last partial line. */
    void drain() throws IOException {
        if (line.size() > 0) {
            byte[] pending = line.toByteArray();
            line.reset();
            emit(pending);
        }
    }

    /**
     * A pipe no one reads any more fails the write with an {@link IOException} the language's
     * own output turns into its error (GraalPy: a closed channel is CPython's {@code
     * BrokenPipeError: [Errno 32] Broken pipe}); the refusal is its cause.
     */
    private void emit(byte[] bytes) throws IOException {
        if (bytes.length > 0 && !process.dying()) {
            if (!process.calls().output(stderr, bytes, process.workInSlice())) {
                try {
                    process.streamTrap(new Syscall.Write(stderr, bytes));
                } catch (SyscallException refused) {
                    IOException failed = refused.errno() == Errno.EPIPE ? new java.nio.channels.ClosedChannelException() : new IOException(refused.getMessage());
                    throw (IOException) failed.initCause(refused);
                }
            }
        }
    }
}
