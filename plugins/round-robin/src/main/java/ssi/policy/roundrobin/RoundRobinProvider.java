package ssi.policy.roundrobin;

import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.TreeSet;
import ssi.api.ClusterView;
import ssi.api.NodeLoad;
import ssi.api.Policy;
import ssi.api.PolicyException;
import ssi.api.PolicyProvider;
import ssi.api.ProcessView;
import ssi.api.Proposal;
import ssi.api.Settings;

/**
 * {@code round-robin}: a baseline to compare real policies against. Each node deals its new
 * processes out in turn to itself and the nodes it knows of, blind to load and memory, and never
 * moves a process afterwards. It is also the smallest complete example of a policy plugin.
 */
public final class RoundRobinProvider implements PolicyProvider {
    @Override
    public String name() {
        return "round-robin";
    }

    @Override
    public Policy create(Map<String, String> settings) throws PolicyException {
        new Settings(name(), settings).done(); // it takes no settings
        return new RoundRobin();
    }

    /** One per node: its own turn counter. */
    private static final class RoundRobin implements Policy {
        private int turn;

        @Override
        public OptionalInt place(ClusterView view, ProcessView process) {
            TreeSet<Integer> known = new TreeSet<>();
            known.add(view.self().node());
            view.window().stream().map(NodeLoad::node).forEach(known::add);
            List<Integer> nodes = List.copyOf(known);
            int to = nodes.get(turn++ % nodes.size());
            return to == view.self().node() ? OptionalInt.empty() : OptionalInt.of(to);
        }

        @Override
        public List<Proposal> balance(ClusterView view) {
            return List.of();
        }

        @Override
        public List<Proposal> usher(ClusterView view) {
            return List.of();
        }
    }
}
