package ssi.guest.meter;

/**
 * The host thread of one guest process. Its work counter lives here rather than in a context-local
 * meter: every counted statement reaches it through {@link Thread#currentThread}, which compiled
 * code reads from a register, instead of through a lookup of the current context's locals (on
 * object-heavy programs, up to a fifth of the run). Threads that are not a guest's (a warm-up, the
 * kernel's) count nothing.
 */
public final class GuestThread extends Thread {
    /** Work units left in the current slice; written by this thread only (others read it as a hint). */
    long remaining = Long.MAX_VALUE;
    /** The meter of the context it runs, once metering started; null before. */
    Meter meter;

    public GuestThread(Runnable body, String name, long stackSize) {
        super(null, body, name, stackSize);
        setDaemon(true);
    }
}
