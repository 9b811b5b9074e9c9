package ssi.guest;

import java.io.IOException;
import java.io.InputStream;

/** The process's stdin: the pipe end it was started with, read through the kernel; empty if none. */
final class StdIn extends InputStream {
    private final GuestProcess process;

    StdIn(GuestProcess process) {
        this.process = process;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        Integer end = process.inSlice() ? process.calls().ends().get(0) : null;
        if (end == null) {
            return -1;
        }
        if (len == 0) {
            return 0;
        }
        Object answer = process.streamTrap(new Syscall.PipeRead(end, len));
        if (answer instanceof SyscallException e) {
            throw new IOException(e.getMessage());
        }
        byte[] got = (byte[]) answer;
        System.arraycopy(got, 0, b, off, got.length);
        return got.length == 0 ? -1 : got.length;
    }
}
