package ssi.guest;

/**
 * The kernel's side of one process's local system calls: those a guest completes at once,
 * on its own thread, without being ordered against other processes. Must be safe to call from
 * the guest's thread while the kernel waits for the slice to end.
 */
public interface SystemCalls {
    int getpid();

    int getppid();

    /** Virtual time, in seconds, after {@code workInSlice} units of the current slice. */
    double time(long workInSlice);

    /** Text the process wrote to its terminal (stdout or stderr) after {@code workInSlice} units. */
    void output(boolean stderr, byte[] bytes, long workInSlice);
}
