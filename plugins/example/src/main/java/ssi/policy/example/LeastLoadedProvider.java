package ssi.policy.example;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.stream.Stream;
import ssi.api.ClusterView;
import ssi.api.NodeLoad;
import ssi.api.Policy;
import ssi.api.PolicyException;
import ssi.api.PolicyProvider;
import ssi.api.ProcessView;
import ssi.api.Proposal;
import ssi.api.Settings;

/**
 * {@code least-loaded}: each new process starts on the node with the lowest load per unit of
 * speed among those this node knows (itself included), if it has the memory; nothing moves later.
 * Setting {@code memory_floor} (bytes, default 0): leave at least this much free on the target.
 */
public final class LeastLoadedProvider implements PolicyProvider {
    @Override
    public String name() {
        return "least-loaded";
    }

    @Override
    public Policy create(Map<String, String> values) throws PolicyException {
        Settings s = new Settings(name(), values);
        long floor = (long) s.number("memory_floor", 0, 0);
        s.done();
        return new Policy() {
            @Override
            public OptionalInt place(ClusterView view, ProcessView process) {
                return Stream.concat(Stream.of(view.self()), view.window().stream())
                        .filter(n -> n.freeMemory() - process.memory() >= floor)
                        .min(Comparator.comparingDouble((NodeLoad n) -> (n.load() + 1) / n.speed()).thenComparingInt(NodeLoad::node))
                        .filter(n -> n.node() != view.self().node())
                        .map(n -> OptionalInt.of(n.node()))
                        .orElse(OptionalInt.empty());
            }

            @Override
            public List<Proposal> balance(ClusterView view) {
                return List.of();
            }

            @Override
            public List<Proposal> usher(ClusterView view) {
                return List.of();
            }
        };
    }
}
