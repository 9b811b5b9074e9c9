package ssi.api;

/**
 * The network between two nodes: a message of {@code b} bytes arrives {@code latency + 8b/bandwidth}
 * after it is sent.
 *
 * @param latencyNanos one-way latency
 * @param bandwidth bits per second
 */
public record Link(long latencyNanos, double bandwidth) {
    /** The size of a control message (a request, a reply, a forwarded call's header, a gossiped vector's envelope). */
    public static final int CONTROL_BYTES = 64;

    public Link {
        if (latencyNanos < 0 || !(bandwidth > 0)) {
            throw new IllegalArgumentException("latency must be >= 0 and bandwidth > 0: " + latencyNanos + ", " + bandwidth);
        }
    }

    /** Time on the wire for {@code bytes}, without latency. */
    public long wireNanos(long bytes) {
        return Math.round(bytes * 8e9 / bandwidth);
    }

    /** When a message of {@code bytes} sent now arrives, from now. */
    public long messageNanos(long bytes) {
        return latencyNanos + wireNanos(bytes);
    }
}
