package ssi.guest.meter;

import com.oracle.truffle.api.ThreadLocalAction;
import com.oracle.truffle.api.TruffleContext;
import com.oracle.truffle.api.instrumentation.TruffleInstrument;
import com.oracle.truffle.api.nodes.Node;

/**
 * The work meter of one guest context. Its guest thread counts down its slice's budget at every
 * statement ({@link GuestThread#remaining}) and does not look at the clock: compiled code pays only
 * a decrement and a test that leaves compiled code (JavaScript) or calls out of it (Python) once in
 * millions of statements, where a call to park at each statement cost object-heavy programs up to
 * a third of their speed. It may so run on, computing, past its slice's
 * end: it settles ({@link #settle}) before anything the rest of the cluster can see (a system
 * call, a look at the clock, output, its end), and when it has run a few million statements over.
 * To settle, it parks at the {@link SliceGate} for as many slices as its statements took, and what
 * it then does happens at the exact work count it would have had if it had parked at its first
 * statement past the budget: the same virtual times, the same trace.
 */
public final class Meter {
    private final TruffleInstrument.Env env;
    private final TruffleContext context;
    private SliceGate gate;
    private GuestThread thread;

    Meter(TruffleInstrument.Env env, TruffleContext context) {
        this.env = env;
        this.context = context;
    }

    /** Starts metering on the calling thread, a {@link GuestThread}, with a first budget. */
    public void start(SliceGate gate, long budget) {
        if (!(Thread.currentThread() instanceof GuestThread t)) {
            throw new IllegalStateException("a guest's context is metered on its GuestThread");
        }
        this.gate = gate;
        this.thread = t;
        t.meter = this;
        t.remaining = budget;
    }

    /** Work units left in the slice; racy when read from another thread (used as a progress hint only). */
    public long remaining() {
        return thread == null ? Long.MAX_VALUE : thread.remaining;
    }

    /** Sets the budget of the slice that starts now (guest thread only). */
    public void grant(long budget) {
        thread.remaining = budget;
    }

    /**
     * Pays for the statements it ran past its budget (guest thread only): parks for the slices they
     * took, each spent whole, until the current slice has budget left.
     */
    public void settle() {
        while (thread.remaining < 0) {
            long next = gate.budgetSpent(false);
            if (next < 0) {
                die(null);
            }
            thread.remaining += next; // the statements past the budget belong to the new slice
        }
    }

    /**
     * Parks the guest thread at its gate until the next slice when it was stopped at a safepoint in a
     * loop that counts nothing (guest thread only): it is charged the whole slice.
     */
    public void parkForced() {
        long next = gate.budgetSpent(true);
        if (next < 0) {
            die(null);
        }
        thread.remaining = next;
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
