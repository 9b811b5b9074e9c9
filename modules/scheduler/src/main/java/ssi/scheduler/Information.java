package ssi.scheduler;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.IntFunction;
import ssi.api.Link;
import ssi.api.NodeSpec;

/**
 * What the nodes know of each other: each node's load index, and the gossip that carries load
 * vectors between nodes with the network's latency (applied at the first quantum boundary after
 * they arrive, where policies look at them).
 */
final class Information {
    private record Pending(long arrives, int from, int to, Gossip.Message message) {
        Pending(long arrives, Gossip.Message m) {
            this(arrives, m.from(), m.to(), m);
        }
    }

    /** Arrival order, ties by sender and receiver. On plain fields: a period's 2 x nodes messages are sorted at once. */
    private static final Comparator<Pending> ARRIVAL = (a, b) -> a.arrives != b.arrives ? Long.compare(a.arrives, b.arrives)
            : a.from != b.from ? Integer.compare(a.from, b.from) : Integer.compare(a.to, b.to);

    private final List<NodeSpec> nodes;
    private LoadIndex[] loads;
    private final Gossip gossip;
    private final Link link;
    private final List<Pending> pending = new ArrayList<>();
    private final long memory; // how many periods gossip keeps what it carries
    private Balancer.Cluster<?> clusters; // several clusters: who reaches whom, over which network; null for one

    /** The nodes' information, each keeping a window of {@code window} entries, gossiped every {@code periodNanos} over {@code link}. */
    Information(List<NodeSpec> nodes, int window, long periodNanos, Link link, long seed) {
        this.nodes = new ArrayList<>(nodes);
        this.link = link;
        this.loads = new LoadIndex[nodes.size() + 1];
        this.memory = 4L * Math.max(4, nodes.size());
        this.gossip = new Gossip(window, memory * periodNanos, seed);
        for (NodeSpec n : nodes) {
            loads[n.id()] = new LoadIndex();
            gossip.join(n.id());
        }
    }

    /** A node joins: a fresh load index, an empty window; gossip finds it. */
    void addNode(NodeSpec n) {
        nodes.add(n);
        loads = java.util.Arrays.copyOf(loads, n.id() + 1);
        loads[n.id()] = new LoadIndex();
        gossip.join(n.id());
    }

    /** The nodes form several clusters: gossip flows within each and between connected ones, over the network between them. */
    void partition(Balancer.Cluster<?> clusters) {
        this.clusters = clusters;
        gossip.reach(clusters::reaches);
    }

    LoadIndex load(int node) {
        return loads[node];
    }

    InfoWindow window(int node) {
        return gossip.window(node);
    }

    /** One quantum's sample of a node's runnable processes. */
    void tick(int node, double runnable) {
        loads[node].tick(runnable);
    }

    /** Ends a period: updates every load index, then each node gossips its vector, but quiet ones. */
    void endPeriod(long t, IntFunction<NodeSpec> spec, IntFunction<InfoWindow.Entry> own, java.util.function.IntPredicate quiet) {
        for (NodeSpec n : nodes) {
            loads[n.id()].update(spec.apply(n.id()).speed(), n.cpus());
        }
        for (Gossip.Message m : gossip.round(t, own)) {
            if (quiet.test(m.from())) {
                continue;
            }
            long bytes = Link.CONTROL_BYTES + 48L * m.vector().size();
            Link over = clusters == null ? link : clusters.link(m.from(), m.to());
            pending.add(new Pending(t + over.messageNanos(bytes), m));
        }
    }

    /** A period of a resting cluster ended: each node's load index falls, as nothing ran; nobody gossips. */
    void rest(long periods) {
        for (NodeSpec n : nodes) {
            loads[n.id()].rest(periods);
        }
    }

    /** How many periods an entry stays in a window: after so many idle ones, all a window holds was told while idle. */
    long memory() {
        return memory;
    }

    /** Whether no gossip is on its way. */
    boolean quiet() {
        return pending.isEmpty();
    }

    /** Delivers the vectors that have arrived by {@code t}, in the order they arrived. */
    void deliver(long t) {
        List<Pending> due = new ArrayList<>();
        List<Pending> still = new ArrayList<>();
        for (Pending p : pending) {
            (p.arrives <= t ? due : still).add(p);
        }
        if (due.isEmpty()) {
            return;
        }
        due.sort(ARRIVAL);
        pending.clear();
        pending.addAll(still);
        List<Gossip.Message> messages = new ArrayList<>(due.size());
        long[] arrivals = new long[due.size()];
        for (Pending p : due) {
            arrivals[messages.size()] = p.arrives;
            messages.add(p.message);
        }
        gossip.deliver(messages, arrivals);
    }
}
