package ssi.guest.meter;

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
        SourceSectionFilter statements = SourceSectionFilter.newBuilder()
                .tagIs(StandardTags.StatementTag.class)
                .includeInternal(false)
                .build();
        env.getInstrumenter().attachExecutionEventFactory(statements, c -> new CountNode(meters));
    }

    @Override
    public Meter current() {
        return meters.get();
    }

    /** One per instrumented statement: spends a unit, parks the thread when the slice is spent. */
    private static final class CountNode extends ExecutionEventNode {
        private final ContextLocal<Meter> meters;

        CountNode(ContextLocal<Meter> meters) {
            this.meters = meters;
        }

        @Override
        protected void onEnter(VirtualFrame frame) {
            Meter m = meters.get();
            if (--m.remaining < 0) {
                m.exhausted(this);
            }
        }
    }
}
