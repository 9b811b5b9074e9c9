package ssi.guest;

/**
 * What runs inside a process, as the kernel drives it: a guest program on its own thread, or a
 * synthetic demand computed on the kernel's. Each slice ends on its budget, a system call or the end.
 */
public interface ProcessBody {
    /** Runs one slice of at most {@code budget} work units, the process's pending call answered with {@code answer}. */
    Yield resume(long budget, Object answer);

    /** Ends it for good (killed, or exited); idempotent. */
    void terminate();

    /** Whether its slices run on a thread of their own (so that slices of several overlap). */
    default boolean threaded() {
        return false;
    }
}
