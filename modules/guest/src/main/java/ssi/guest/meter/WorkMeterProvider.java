package ssi.guest.meter;

import com.oracle.truffle.api.instrumentation.TruffleInstrument;
import com.oracle.truffle.api.instrumentation.provider.TruffleInstrumentProvider;
import java.util.List;

/** Registers the work meter with Truffle; written by hand since no DSL processor matches our GraalVM version. */
@TruffleInstrument.Registration(id = WorkMeter.ID, name = "ssi work meter", services = MeterService.class)
public final class WorkMeterProvider extends TruffleInstrumentProvider {
    @Override
    protected String getInstrumentClassName() {
        return WorkMeter.class.getName();
    }

    @Override
    protected Object create() {
        return new WorkMeter();
    }

    @Override
    protected List<String> getServicesClassNames() {
        return List.of(MeterService.class.getName());
    }
}
