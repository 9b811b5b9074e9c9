package ssi.kernel;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import ssi.api.ClusterView;
import ssi.api.Link;
import ssi.api.NodeLoad;
import ssi.api.NodeSpec;
import ssi.api.ProcessState;
import ssi.api.ProcessView;
import ssi.api.Proposal;
import ssi.migration.TransferCost;
import ssi.scheduler.InfoWindow;

/**
 * Load information and the policy at work: every quantum it samples the run queues; every period
 * it updates load indexes and process statistics, lets the nodes gossip, and asks each node's
 * policy for proposals, which it disposes of; at a process's creation it asks for a placement.
 */
final class Balancer implements AutoCloseable {
    /** What the balancer needs of the kernel. */
    interface Cluster {
        /** The processes that run by slices; the others cruise (see {@link Cruises}) and are sampled when caught up. */
        Collection<Proc> sliced();

        /** Counts a cruising process's CPU samples since it was last caught up (its other figures can wait). */
        void sample(Proc p);

        /** A process by pid, or null. */
        Proc process(int pid);

        /** What wants each node's CPUs now, by node id. */
        int[] runQueues();

        /** The live processes running on a node, by pid. */
        Collection<Proc> processesAt(int node);

        /** A node's memory not used by its processes nor reserved for ones migrating to it. */
        long freeMemory(int node);

        /** The same for every node, by node id. */
        long[] freeMemories();

        /** Starts a policy migration; returns why it cannot, or null. */
        String move(Proc p, int to, long t);

        void log(long t, String event);

        void notice(long t, String text);

        /** Whether an admin switch of a node is on ({@code stay}, {@code lstay}, {@code quiet}). */
        boolean admin(int node, String name);

        /** A node as it is now (its speed may have been changed). */
        NodeSpec spec(int node);

        /** How much of the past a node's process statistics keep each period: its slow or fast decay. */
        double decay(int node, boolean slow);
    }

    private Image image;
    private final TransferCost cost;
    private final Cluster cluster;
    private final PolicyHost policy;
    private final Information info;
    private long[] decayed; // by node: the period its processes' statistics were last brought to

    Balancer(Image image, long seed, Policies policies, TransferCost cost, Cluster cluster) throws KernelException {
        this.image = image;
        this.cost = cost;
        this.cluster = cluster;
        this.policy = new PolicyHost(policies, image.nodes().size());
        this.info = new Information(image.nodes(), image.balancing(), image.link(), seed);
        this.decayed = new long[image.nodes().size() + 1];
        java.util.Arrays.fill(decayed, -1);
        policy.use(image.balancing().policy(), image.balancing().settings());
    }

    /** Switches the policy; the one in use stays if this fails. */
    void use(String name, Map<String, String> settings) throws KernelException {
        policy.use(name, settings);
    }

    String describe() {
        return policy.describe();
    }

    String policyName() {
        return policy.name();
    }

    /** A node joined: the image now has it. */
    void addNode(Image grown, NodeSpec n) throws KernelException {
        policy.addNode();
        info.addNode(n);
        decayed = java.util.Arrays.copyOf(decayed, n.id() + 1);
        decayed[n.id()] = -1;
        image = grown;
    }

    /** A node's load index (MOSIX's local value) as of the last period. */
    double loadIndex(int node) {
        return info.load(node).local();
    }

    /** Whether the quantum that ends at {@code t} ends a balancing period (the first quantum end at or after each multiple of it). */
    boolean periodEnds(long t) {
        return t % image.balancing().periodNanos() < image.quantumNanos();
    }

    /**
     * Ends a quantum at {@code t}: samples each node's run queue; at the end of a period, updates
     * load, gossips and lets the policy act, unless the cluster rests ({@code rests}: see
     * {@link #rest}). Returns true when it ended a balancing period that did not rest.
     */
    boolean endQuantum(long t, boolean rests) {
        int[] runnable = cluster.runQueues();
        for (NodeSpec n : image.nodes()) {
            info.tick(n.id(), runnable[n.id()]);
        }
        for (Proc p : cluster.sliced()) {
            if (p.alive()) {
                p.usage.quantum(p.state == ProcessState.RUNNING && p.move == null);
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
        int[] asking = image.nodes().stream().mapToInt(NodeSpec::id).filter(n -> !cluster.admin(n, "stay")).toArray(); // stay: no automatic migration away
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
        for (NodeSpec n : image.nodes()) {
            decay(n.id(), t); // the nodes no policy looked at
        }
        return true;
    }

    /**
     * Ends {@code periods} periods of a resting cluster (idle for at least {@link #restAfter}
     * periods before): each node's load index falls as over an idle period, but nobody gossips and
     * no policy is asked, there being nothing to balance and nothing new to tell. So a resting
     * period costs nothing, and any number of them can pass at once with the same outcome as one by one.
     */
    void rest(long periods) {
        info.rest(periods);
    }

    /**
     * Idle periods after which the cluster rests: as many as gossip keeps what it carries, so that
     * an idle cluster first learns of its nodes as one with processes does, and rests knowing only
     * what was told while idle.
     */
    long restAfter() {
        return info.memory();
    }

    /** Whether no load information is on its way between nodes. */
    boolean quiet() {
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
        double seconds = image.balancing().periodNanos() / 1e9;
        double slow = cluster.decay(node, true), fast = cluster.decay(node, false); // the node's settings
        for (Proc p : cluster.processesAt(node)) {
            cluster.sample(p); // a cruising process's CPU samples since it was last caught up
            p.usage.period(seconds, p.ioCalls, p.usage.hinted ? slow : fast);
        }
    }

    /** The cluster as {@code node} sees it at {@code t}: its own figures, its window, its processes. */
    private ClusterView view(int node, Collection<Proc> there, long free, long t) {
        NodeSpec s = cluster.spec(node);
        NodeLoad self = new NodeLoad(node, s.speed(), s.cpus(), info.load(node).local(), free, s.memory(), 0);
        ProcessView[] here = new ProcessView[there.size()];
        int staying = 0;
        for (Proc p : there) {
            if (p.move == null) {
                here[staying++] = p.view(t);
            }
        }
        ProcessView[] views = staying == here.length ? here : java.util.Arrays.copyOf(here, staying); // List.of copies it again
        return new View(self, info.window(node).view(t), List.of(views), t, image, cluster, cost);
    }

    private record View(NodeLoad self, List<NodeLoad> window, List<ProcessView> processes, long now, Image image, Cluster cluster,
                        TransferCost cost) implements ClusterView {
        @Override
        public Link link() {
            return image.link();
        }

        @Override
        public long migrationNanos(long dirtyBytes) {
            return cost.negotiationNanos() + cost.transferNanos((dirtyBytes + cost.pageBytes() - 1) / cost.pageBytes());
        }

        @Override
        public long forwardNanos(int home) {
            double deputy = image.deputyWork() / (image.workRate() * cluster.spec(home).speed()) * 1e9;
            return 2 * image.link().messageNanos(Link.CONTROL_BYTES) + Math.round(deputy);
        }
    }

    /** Initial placement: the policy of the node where a process is born may send it elsewhere at once. */
    void place(Proc p, long t) {
        if (!policy.active() || !p.view(t).movable() || cluster.admin(p.home, "stay") || cluster.admin(p.home, "lstay")) {
            return;
        }
        String owner = policy.name();
        OptionalInt to = policy.place(p.home, view(p.home, cluster.processesAt(p.home), cluster.freeMemory(p.home), t), p.view(t),
                text -> cluster.notice(t, text));
        if (to.isEmpty() || to.getAsInt() == p.where || !policy.name().equals(owner)) {
            return;
        }
        if (image.node(to.getAsInt()).isEmpty()) {
            policy.fail(p.home, "place", "proposed node " + to.getAsInt() + ", which does not exist", text -> cluster.notice(t, text));
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
            Proc p = pr == null ? null : cluster.process(pr.pid());
            if (p == null || !p.alive() || p.where != node || image.node(pr.node()).isEmpty()) {
                policy.fail(node, "balance", "proposed " + pr + ", which is not a process of node " + node + " and a node",
                        text -> cluster.notice(t, text));
                return;
            }
            if (pr.node() == node || p.move != null || t - p.arrived < image.balancing().minResidenceNanos()
                    || p.home == node && cluster.admin(node, "lstay")
                    || pr.node() == p.cameFrom && pr.node() != p.home) {
                continue;
            }
            if (!info.window(node).shortOfMemory(pr.node(), p.memory.bytes()) && cluster.move(p, pr.node(), t) == null) {
                cluster.log(t, "policy " + policy.name() + " node=" + node + " moves pid=" + p.pid + " to=" + pr.node() + " (" + pr.why() + ")");
                return;
            }
        }
    }

    @Override
    public void close() {
        policy.close();
    }
}
