package ssi.scheduler;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.stream.IntStream;
import ssi.api.ClusterView;
import ssi.api.Link;
import ssi.api.NodeLoad;
import ssi.api.NodeSpec;
import ssi.api.PolicyException;
import ssi.api.ProcessView;
import ssi.api.Proposal;

/**
 * Load information and the policy at work: every quantum it samples the run queues; every period
 * it updates load indexes and process statistics, lets the nodes gossip, and asks each node's
 * policy for proposals, which it disposes of; at a process's creation it asks for a placement.
 *
 * @param <P> the kernel's processes
 */
public final class Balancer<P extends Balanced> implements AutoCloseable {
    /** What the balancer needs of the kernel. */
    public interface Cluster<P> {
        /** The processes that run by slices; the others cruise and are sampled when caught up. */
        Collection<P> sliced();

        /** Counts a cruising process's CPU samples since it was last caught up (its other figures can wait). */
        void sample(P p);

        /** A process by pid, or null. */
        P process(int pid);

        /** What wants each node's CPUs now, by node id. */
        int[] runQueues();

        /** The live processes running on a node, by pid. */
        Collection<P> processesAt(int node);

        /** A node's memory not used by its processes nor reserved for ones migrating to it. */
        long freeMemory(int node);

        /** The same for every node, by node id. */
        long[] freeMemories();

        /** Starts a policy migration; returns why it cannot, or null. */
        String move(P p, int to, long t);

        void log(long t, String event);

        void notice(long t, String text);

        /** Whether an admin switch of a node is on ({@code stay}, {@code lstay}, {@code quiet}). */
        boolean admin(int node, String name);

        /** A node as it is now (its speed may have been changed). */
        NodeSpec spec(int node);

        /** How much of the past a node's process statistics keep each period: its slow or fast decay. */
        double decay(int node, boolean slow);

        /** Virtual nanoseconds a migration of {@code dirtyBytes} keeps a process frozen. */
        long migrationNanos(long dirtyBytes);

        /** Virtual nanoseconds a call of a process of home {@code home} takes more when its deputy serves it. */
        long forwardNanos(int home);

        /** Whether the nodes form several clusters (MOSIX2's multi-cluster); the methods below matter only then. */
        default boolean several() {
            return false;
        }

        /** See {@link ClusterView#cluster}. */
        default int cluster(int node) {
            return 1;
        }

        /** See {@link ClusterView#priority}. */
        default int priority(int home, int node) {
            return 0;
        }

        /** Whether load information flows from node {@code from} to node {@code to} now. */
        default boolean reaches(int from, int to) {
            return true;
        }

        /** The network between two nodes. */
        default Link link(int from, int to) {
            throw new UnsupportedOperationException("one cluster: one network");
        }
    }

    /**
     * How the cluster balances.
     *
     * @param policy the policy in use at boot, with its {@code settings}
     * @param window the entries each node's information window keeps
     * @param minResidenceNanos how long a process stays where it arrived before a policy may move it again
     */
    public record Rules(String policy, Map<String, String> settings, long periodNanos, long quantumNanos, int window,
                        long minResidenceNanos, Link link) {}

    private final Rules rules;
    private final Cluster<P> cluster;
    private final PolicyHost policy;
    private final Information info;
    private int nodeCount;  // node ids are 1 to nodeCount
    private long[] decayed; // by node: the period its processes' statistics were last brought to

    /** Balancing of {@code nodes} by {@code rules}, the policies' plugins found in {@code plugins}; refused if the policy cannot start. */
    public Balancer(List<NodeSpec> nodes, Rules rules, long seed, Plugins plugins, Cluster<P> cluster) throws PolicyException {
        this.rules = rules;
        this.cluster = cluster;
        this.nodeCount = nodes.size();
        this.policy = new PolicyHost(plugins, nodes.size());
        this.info = new Information(nodes, rules.window(), rules.periodNanos(), rules.link(), seed);
        this.decayed = new long[nodes.size() + 1];
        java.util.Arrays.fill(decayed, -1);
        policy.use(rules.policy(), rules.settings());
        if (cluster.several()) {
            info.partition(cluster);
        }
    }

    /** Switches the policy; the one in use stays if this fails. */
    public void use(String name, Map<String, String> settings) throws PolicyException {
        policy.use(name, settings);
    }

    /** The policy in use, with its settings. */
    public String describe() {
        return policy.describe();
    }

    public String policyName() {
        return policy.name();
    }

    /** A node joined, with the next id: it gets its own instance of the policy, and gossip finds it. */
    public void addNode(NodeSpec n) throws PolicyException {
        policy.addNode();
        info.addNode(n);
        decayed = java.util.Arrays.copyOf(decayed, n.id() + 1);
        decayed[n.id()] = -1;
        nodeCount = n.id();
    }

    /** A node's load index (MOSIX's local value) as of the last period. */
    public double loadIndex(int node) {
        return info.load(node).local();
    }

    /** Whether the quantum that ends at {@code t} ends a balancing period (the first quantum end at or after each multiple of it). */
    public boolean periodEnds(long t) {
        return t % rules.periodNanos() < rules.quantumNanos();
    }

    /**
     * Ends a quantum at {@code t}: samples each node's run queue; at the end of a period, updates
     * load, gossips and lets the policy act, unless the cluster rests ({@code rests}: see
     * {@link #rest}). Returns true when it ended a balancing period that did not rest.
     */
    public boolean endQuantum(long t, boolean rests) {
        int[] runnable = cluster.runQueues();
        for (int n = 1; n <= nodeCount; n++) {
            info.tick(n, runnable[n]);
        }
        for (P p : cluster.sliced()) {
            if (p.alive()) {
                p.usage().quantum(p.wantsCpu());
            }
        }
        info.deliver(t);
        if (!periodEnds(t)) {
            return false;
        }
        if (rests) {
            rest(1);
            return false;
        }
        // Memory moves only at quantum starts (allocations, reservations), so one pass serves the whole period.
        long[] free = cluster.freeMemories();
        info.endPeriod(t, cluster::spec, node -> new InfoWindow.Entry(node, cluster.spec(node).speed(), cluster.spec(node).cpus(),
                info.load(node).exported(), free[node], cluster.spec(node).memory(), t), node -> cluster.admin(node, "quiet"));
        int[] asking = IntStream.rangeClosed(1, nodeCount).filter(n -> !cluster.admin(n, "stay")).toArray(); // stay: no automatic migration away
        while (asking.length > 0 && policy.active()) {
            int[] nodes = asking;
            List<List<Proposal>> decided = policy.propose(nodes, n -> {
                decay(n, t);
                return view(n, cluster.processesAt(n), free[n], t);
            }, text -> cluster.notice(t, text));
            int asked = policy.switches(); // changed already if a node's policy failed: the nodes before it were answered
            int i = 0;
            while (i < decided.size() && policy.switches() == asked) {
                dispose(nodes[i], decided.get(i++), t); // nonsense among them replaces the policy
            }
            // a node whose policy failed gets nothing this period; the policy now in use answers the nodes after it
            int next = policy.switches() != asked || i == nodes.length ? i : i + 1;
            asking = java.util.Arrays.copyOfRange(nodes, next, nodes.length);
        }
        for (int n = 1; n <= nodeCount; n++) {
            decay(n, t); // the nodes no policy looked at
        }
        return true;
    }

    /**
     * Ends {@code periods} periods of a resting cluster (idle for at least {@link #restAfter}
     * periods before): each node's load index falls as over an idle period, but nobody gossips and
     * no policy is asked, there being nothing to balance and nothing new to tell. So a resting
     * period costs nothing, and any number of them can pass at once with the same outcome as one by one.
     */
    public void rest(long periods) {
        info.rest(periods);
    }

    /**
     * Idle periods after which the cluster rests: as many as gossip keeps what it carries, so that
     * an idle cluster first learns of its nodes as one with processes does, and rests knowing only
     * what was told while idle.
     */
    public long restAfter() {
        return info.memory();
    }

    /** Whether no load information is on its way between nodes. */
    public boolean quiet() {
        return info.quiet();
    }

    /**
     * Ends the period {@code t} for a node's processes' statistics, once: a node's policy reads
     * them just after (on the policy's threads, each node's on one), so they are done together.
     */
    private void decay(int node, long t) {
        if (decayed[node] == t) {
            return;
        }
        decayed[node] = t;
        double seconds = rules.periodNanos() / 1e9;
        double slow = cluster.decay(node, true), fast = cluster.decay(node, false); // the node's settings
        for (P p : cluster.processesAt(node)) {
            cluster.sample(p); // a cruising process's CPU samples since it was last caught up
            Usage usage = p.usage();
            usage.period(seconds, p.ioCalls(), usage.hinted() ? slow : fast);
        }
    }

    /** The cluster as {@code node} sees it at {@code t}: its own figures, its window, its processes. */
    private ClusterView view(int node, Collection<P> there, long free, long t) {
        NodeSpec s = cluster.spec(node);
        NodeLoad self = new NodeLoad(node, s.speed(), s.cpus(), info.load(node).local(), free, s.memory(), 0);
        ProcessView[] here = new ProcessView[there.size()];
        int staying = 0;
        for (P p : there) {
            if (!p.moving()) {
                here[staying++] = p.view(t);
            }
        }
        ProcessView[] views = staying == here.length ? here : java.util.Arrays.copyOf(here, staying); // List.of copies it again
        return new View(self, info.window(node).view(t), List.of(views), t, rules.link(), cluster);
    }

    private record View(NodeLoad self, List<NodeLoad> window, List<ProcessView> processes, long now, Link link, Cluster<?> cluster)
            implements ClusterView {
        @Override
        public long migrationNanos(long dirtyBytes) {
            return cluster.migrationNanos(dirtyBytes);
        }

        @Override
        public long forwardNanos(int home) {
            return cluster.forwardNanos(home);
        }

        @Override
        public int cluster(int node) {
            return cluster.cluster(node);
        }

        @Override
        public int priority(int home, int node) {
            return cluster.priority(home, node);
        }
    }

    /** Initial placement: the policy of the node where a process is born may send it elsewhere at once. */
    public void place(P p, long t) {
        int home = p.home();
        if (!policy.active() || !p.view(t).movable() || cluster.admin(home, "stay") || cluster.admin(home, "lstay")) {
            return;
        }
        String owner = policy.name();
        OptionalInt to = policy.place(home, view(home, cluster.processesAt(home), cluster.freeMemory(home), t), p.view(t),
                text -> cluster.notice(t, text));
        if (to.isEmpty() || to.getAsInt() == p.where() || !policy.name().equals(owner)) {
            return;
        }
        if (!exists(to.getAsInt())) {
            policy.fail(home, "place", "proposed node " + to.getAsInt() + ", which does not exist", text -> cluster.notice(t, text));
            return;
        }
        cluster.move(p, to.getAsInt(), t);
    }

    /**
     * The kernel disposes of a node's proposals: nonsense (a process not at this node, a node that
     * does not exist) means the policy is broken; a move is refused for a constraint or lock, a
     * process that arrived less than the minimum residence ago, a return to the node it just left,
     * or a destination this node believes short of memory. At most one move leaves a node per period.
     */
    private void dispose(int node, List<Proposal> proposals, long t) {
        for (Proposal pr : proposals) {
            P p = pr == null ? null : cluster.process(pr.pid());
            if (p == null || !p.alive() || p.where() != node || !exists(pr.node())) {
                policy.fail(node, "balance", "proposed " + pr + ", which is not a process of node " + node + " and a node",
                        text -> cluster.notice(t, text));
                return;
            }
            if (pr.node() == node || p.moving() || t - p.arrived() < rules.minResidenceNanos()
                    || p.home() == node && cluster.admin(node, "lstay")
                    || pr.node() == p.cameFrom() && pr.node() != p.home()) {
                continue;
            }
            if (!info.window(node).shortOfMemory(pr.node(), p.memoryBytes()) && cluster.move(p, pr.node(), t) == null) {
                cluster.log(t, "policy " + policy.name() + " node=" + node + " moves pid=" + p.pid() + " to=" + pr.node() + " (" + pr.why() + ")");
                return;
            }
        }
    }

    private boolean exists(int node) {
        return node >= 1 && node <= nodeCount;
    }

    @Override
    public void close() {
        policy.close();
    }
}
