package ssi.policy.opportunitycost;

import java.util.Map;
import ssi.api.Policy;
import ssi.api.PolicyException;
import ssi.api.PolicyProvider;
import ssi.api.Settings;

/** {@code opportunity-cost}. Settings: beta, margin, io_capacity, ipc_capacity, freeze_limit. */
public final class OpportunityCostProvider implements PolicyProvider {
    @Override
    public String name() {
        return "opportunity-cost";
    }

    @Override
    public Policy create(Map<String, String> values) throws PolicyException {
        Settings s = new Settings(name(), values);
        double beta = s.number("beta", 0, 0);                  // 0: 2n for the n nodes this node knows, as in the papers
        double margin = s.number("margin", 0.3, 0);            // a move must cut the marginal cost by 30%: no ping-pong
        double ioCapacity = s.number("io_capacity", 1000, 1);  // forwarded calls/s a home serves: ~0.3-0.5 ms each
        double ipcCapacity = s.number("ipc_capacity", 0, 0);   // message bytes/s; 0: the network's bandwidth
        double freezeLimit = s.number("freeze_limit", 0.25, 0); // frozen time / age: MOSIX's "repays twice" at 2x speedup
        s.done();
        if (beta != 0 && beta <= 1) {
            throw new PolicyException(name() + ": setting 'beta' must be above 1 (or 0 for 2n), got " + beta);
        }
        return new OpportunityCost(beta, margin, ioCapacity, ipcCapacity, freezeLimit);
    }
}
