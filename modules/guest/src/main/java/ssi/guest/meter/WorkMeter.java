package ssi.guest.meter;

import com.oracle.truffle.api.CompilerDirectives;
import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.ContextLocal;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.instrumentation.ExecutionEventNode;
import com.oracle.truffle.api.instrumentation.SourceSectionFilter;
import com.oracle.truffle.api.instrumentation.StandardTags;
import com.oracle.truffle.api.instrumentation.TruffleInstrument;

/**
 * Counts guest work in language-independent units: one unit per executed guest statement.
 * The count is exact and repeatable, since it follows the guest's own control flow.
 */
public final class WorkMeter extends TruffleInstrument implements MeterService {
    public static final String ID = "ssi-meter";

    private Env env;
    private final ContextLocal<Meter> meters = locals.createContextLocal(c -> new Meter(env, c));

    @Override
    protected void onCreate(Env env) {
        this.env = env;
        env.registerService(this);
        // Both settle their slices lazily. JavaScript leaves compiled code to settle; Python calls out of
        // it, as GraalPy counts a statement twice when a loop enters compiled code, which leaving it would repeat.
        env.getInstrumenter().attachExecutionEventFactory(statements(true), c -> new LazyCountNode());
        env.getInstrumenter().attachExecutionEventFactory(statements(false), c -> new CountNode());
    }

    private static SourceSectionFilter statements(boolean js) {
        return SourceSectionFilter.newBuilder()
                .tagIs(StandardTags.StatementTag.class)
                .includeInternal(false)
                .sourceIs(source -> "js".equals(source.getLanguage()) == js)
                .build();
    }

    @Override
    public Meter current() {
        return meters.get();
    }

    /**
     * Work units a thread may run past its budget before it settles: it settles at once before
     * anything the rest of the cluster can see, so this bounds only how long a slice may overrun.
     */
    private static final long OVERRUN = -(1L << 22);

    /**
     * One per instrumented Python statement: spends a unit of its thread's slice, and settles by a
     * call out of compiled code once the thread ran {@link #OVERRUN} statements past its budget.
     */
    private static final class CountNode extends ExecutionEventNode {
        @Override
        protected void onEnter(VirtualFrame frame) {
            if (Thread.currentThread() instanceof GuestThread t && --t.remaining < OVERRUN) {
                exhausted(t);
            }
        }

        @TruffleBoundary
        private static void exhausted(GuestThread t) {
            if (t.meter == null) {
                t.remaining = Long.MAX_VALUE; // not metered yet: its context is starting
                return;
            }
            t.meter.settle();
        }
    }

    /**
     * One per instrumented statement: spends a unit of its thread's slice. The thread settles its
     * slices where the cluster can see it ({@link Meter#settle}); here only once it ran
     * {@link #OVERRUN} statements past its budget, by leaving compiled code (a deoptimization costs
     * far less every few million statements than a call to park would cost compiled code at each).
     */
    private static final class LazyCountNode extends ExecutionEventNode {
        @Override
        protected void onEnter(VirtualFrame frame) {
            if (Thread.currentThread() instanceof GuestThread t && --t.remaining < OVERRUN) {
                CompilerDirectives.transferToInterpreter();
                t.meter.settle();
            }
        }
    }
}
