package ssi.guest.meter;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.ThreadLocalAction;
import com.oracle.truffle.api.TruffleContext;
import com.oracle.truffle.api.instrumentation.TruffleInstrument;
import com.oracle.truffle.api.nodes.Node;

/**
 * The work counter of one guest context. The guest thread counts down {@link #remaining} at every
 * statement and parks at its {@link SliceGate} when the slice's budget is spent.
 */
public final class Meter {
    /** Work units left in the current slice; written by the guest thread only. */
    long remaining = Long.MAX_VALUE;
    private final TruffleInstrument.Env env;
    private final TruffleContext context;
    private SliceGate gate;
    private Thread thread;

    Meter(TruffleInstrument.Env env, TruffleContext context) {
        this.env = env;
        this.context = context;
    }

    /** Starts metering on the calling (guest) thread with a first budget. */
    public void start(SliceGate gate, long budget) {
        this.gate = gate;
        this.thread = Thread.currentThread();
        this.remaining = budget;
    }

    /** Work units left in the slice; racy when read from another thread (used as a progress hint only). */
    public long remaining() {
        return remaining;
    }

    /** Sets the budget of the slice that starts now (guest thread only). */
    public void grant(long budget) {
        remaining = budget;
    }

    @TruffleBoundary
    void exhausted(Node location) {
        if (gate == null) {
            remaining = Long.MAX_VALUE; // unmetered context (a prelude, a bare benchmark)
            return;
        }
        parkNow(location, false);
    }

    /**
     * Parks the guest thread at its gate until the next slice (guest thread only).
     *
     * @param forced true when stopped at a safepoint rather than by counting
     */
    public void parkNow(Node location, boolean forced) {
        long next = gate.budgetSpent(forced);
        if (next < 0) {
            die(location);
        }
        remaining = forced ? next : next - 1; // a statement that overdrew belongs to the new slice
    }

    /**
     * The heap its context retains, in bytes, counted up to {@code stopAt} (the count stops there).
     * Walks the context's objects: call it on the guest's own thread, inside its context.
     */
    public long heapBytes(long stopAt) {
        return env.calculateContextHeapSize(context, stopAt, new java.util.concurrent.atomic.AtomicBoolean());
    }

    /** Ends the guest program by cancelling its context; must be called on the guest thread. */
    public void die(Node location) {
        context.closeCancelled(location, "killed");
    }

    /**
     * Runs an action on the guest thread at its next safepoint, even when it executes no counted
     * statement (a loop that the language does not tag).
     */
    public void atSafepoint(Runnable action) {
        env.submitThreadLocal(context, new Thread[] {thread}, new ThreadLocalAction(true, false) {
            @Override
            protected void perform(Access access) {
                action.run();
            }
        });
    }
}
