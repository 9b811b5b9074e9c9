package ssi.synthetic;

/**
 * What one synthetic process asks of the cluster, in the kernel's units.
 *
 * @param work work units it computes before it ends (its lifetime on a standard processor)
 * @param memory bytes it allocates, and writes, when it starts
 * @param callEvery work units between its calls home (I/O or IPC its deputy serves); 0 for none
 * @param callBytes bytes each call carries
 * @param dirtyEvery work units between writes to its memory; 0 for none
 * @param dirtyBytes bytes each such write makes dirty
 */
public record Demand(long work, long memory, long callEvery, int callBytes, long dirtyEvery, long dirtyBytes) {
    public Demand {
        if (work < 1 || memory < 0 || callEvery < 0 || callBytes < 0 || dirtyEvery < 0 || dirtyBytes < 0) {
            throw new IllegalArgumentException("a demand needs work >= 1 and no negative figure, got " + this);
        }
    }

    /** How a process of this demand shows in ps. */
    public String command() {
        return "synthetic work=" + work + " mem=" + memory + (callEvery > 0 ? " call/" + callEvery : "");
    }
}
