package ssi.api;

/** Virtual time: nanoseconds since boot, on one clock that ends at {@link #END}. */
public final class VirtualTime {
    /**
     * The end of virtual time: 2^62 ns, about 146 years. Every time computed (a moment plus a delay
     * the image's bounds allow) stays clear of overflow; what would happen later never does.
     */
    public static final long END = 1L << 62;

    private VirtualTime() {}

    /** The time {@code seconds} after {@code t}, or never ({@link Long#MAX_VALUE}) past {@link #END}. */
    public static long after(long t, double seconds) {
        long nanos = Math.round(seconds * 1e9); // Long.MAX_VALUE for a huge span
        return nanos > END - t ? Long.MAX_VALUE : t + nanos;
    }
}
