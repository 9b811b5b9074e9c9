package ssi.policy.mosix;

import java.util.Map;
import ssi.api.Policy;
import ssi.api.PolicyException;
import ssi.api.PolicyProvider;
import ssi.api.Settings;

/** {@code mosix}: the default policy. Settings: margin, usher_below, cost_factor, io_gain. */
public final class MosixProvider implements PolicyProvider {
    @Override
    public String name() {
        return "mosix";
    }

    @Override
    public Policy create(Map<String, String> values) throws PolicyException {
        Settings s = new Settings(name(), values);
        double margin = s.number("margin", 1.3, 1.0);
        double usherBelow = s.number("usher_below", 0.25, 0);
        double costFactor = s.number("cost_factor", 2.0, 0);
        double ioGain = s.number("io_gain", 0.05, 0);
        s.done();
        return new MosixPolicy(margin, usherBelow, costFactor, ioGain);
    }
}
