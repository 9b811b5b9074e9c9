package ssi.policy.opportunitycost;

import java.util.Map;
import ssi.api.Policy;
import ssi.api.PolicyException;
import ssi.api.PolicyProvider;
import ssi.api.Settings;

/** {@code opportunity-cost}. Settings: beta, margin, io_capacity, payback. */
public final class OpportunityCostProvider implements PolicyProvider {
    @Override
    public String name() {
        return "opportunity-cost";
    }

    @Override
    public Policy create(Map<String, String> values) throws PolicyException {
        Settings s = new Settings(name(), values);
        double beta = s.number("beta", 0, 0);           // 0: 2n for the n nodes this node knows, as in the paper
        double margin = s.number("margin", 0.3, 0);
        double ioCapacity = s.number("io_capacity", 1000, 1e-9);
        double payback = s.number("payback", 0.5, 0);
        s.done();
        if (beta != 0 && beta <= 1) {
            throw new PolicyException(name() + ": setting 'beta' must be above 1 (or 0 for 2n), got " + beta);
        }
        return new OpportunityCost(beta, margin, ioCapacity, payback);
    }
}
