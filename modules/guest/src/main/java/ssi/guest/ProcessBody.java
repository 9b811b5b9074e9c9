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

    /**
     * The host heap it held at its last measurement, in bytes (-1 before the first; 0 for what holds
     * no heap of its own), and asks for a new one, counted up to {@code stopAt}: a guest's context
     * is measured by its own thread as its next slice starts (a walk of its objects: now and then).
     */
    default long heapBytes(long stopAt) {
        return 0;
    }

    /**
     * Work units it will surely compute before its next system call, write to memory or end, with
     * nothing else happening; 0 if it cannot tell (a guest program). The kernel may then count them
     * in bulk, through {@link #skip}, instead of running a slice for each quantum.
     */
    default long quietUnits() {
        return 0;
    }

    /** Counts {@code units} computed without a slice: fewer than {@link #quietUnits()} said. */
    default void skip(long units) {
        throw new UnsupportedOperationException("a process that cannot tell its quiet units cannot skip them");
    }

    /** Whether its slices run on a thread of their own (so that slices of several overlap). */
    default boolean threaded() {
        return false;
    }
}
