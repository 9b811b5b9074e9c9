package ssi.policy.opportunitycost;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import ssi.api.ClusterView;
import ssi.api.NodeLoad;
import ssi.api.Policy;
import ssi.api.ProcessView;
import ssi.api.Proposal;

/**
 * The opportunity cost policy at one node ("An opportunity cost approach for job assignment in a
 * scalable computing cluster", Amir, Awerbuch, Barak, Borgstrom, Keren). Each resource of a node
 * costs {@code beta^utilisation}, and a node's cost is the sum over its resources:
 * <ul>
 * <li>CPU: the load, runnable processes per standard processor; a process adds its CPU demand /
 *     (speed × CPUs);</li>
 * <li>memory: used / total; a process adds its memory / total;</li>
 * <li>terminal I/O, for a process away from home only: its forwarded calls per second /
 *     {@code io_capacity}. Its deputy serves them at home over the network, so we price them as a
 *     penalty for being away rather than as load on the home node: a node never knows its guests'
 *     rates at other nodes' homes, but it does know its own processes', which is all this decision needs;</li>
 * <li>IPC, wherever the process is: its pipe and message bytes per second that would cross the
 *     network at that node / {@code ipc_capacity} (pipes live at home; messages at the peers' nodes);</li>
 * <li>the network for file I/O, wherever the process is: the fraction of the time its file bytes
 *     would take on the network at that node (none for the files it holds, which DFSA makes local).</li>
 * </ul>
 * A process's marginal cost at a node is what that node's cost rises by with it there. Placement
 * sends a new process where its marginal cost is least; reassignment moves the process that saves
 * the most where its marginal cost is below {@code 1 - margin} times its cost here, if the
 * migration's frozen time is at most {@code freeze_limit} × its age (MOSIX's predictor of its
 * remaining time), and if the process would go faster there, its share of the CPUs less the time it
 * would wait on the network: a move that only puts its work on the network (the seed paper's Test 7,
 * a pipeline split) is not made. Memory is a priced resource, so a node short of memory sheds
 * processes through reassignment: there is no separate ushering.
 */
final class OpportunityCost implements Policy {
    /** What this node sent a node since the news it has of it was made. */
    private record Sent(long stamp, double cpu, long memory) {}

    private final double beta;
    private final double margin;
    private final double ioCapacity;
    private final double ipcCapacity;
    private final double freezeLimit;
    private final Map<Integer, Sent> sent = new HashMap<>();
    private final Set<Integer> known = new TreeSet<>(); // every node heard of, for beta = 2n

    OpportunityCost(double beta, double margin, double ioCapacity, double ipcCapacity, double freezeLimit) {
        this.beta = beta;
        this.margin = margin;
        this.ioCapacity = ioCapacity;
        this.ipcCapacity = ipcCapacity;
        this.freezeLimit = freezeLimit;
    }

    @Override
    public OptionalInt place(ClusterView view, ProcessView process) {
        NodeLoad best = view.self();
        double least = marginal(view, best, process, 1); // a new process has no history: assume it CPU-bound
        for (NodeLoad n : view.window()) {
            double m = roomFor(view, n, process) ? marginal(view, n, process, 1) : Double.POSITIVE_INFINITY;
            if (m < least || m == least && n.node() < best.node()) {
                best = n;
                least = m;
            }
        }
        if (best.node() == view.self().node()) {
            return OptionalInt.empty();
        }
        send(view, best, 1, process.memory());
        return OptionalInt.of(best.node());
    }

    @Override
    public List<Proposal> balance(ClusterView view) {
        ProcessView bestP = null;
        NodeLoad bestN = null;
        double bestGain = 0;
        for (ProcessView p : view.processes()) {
            if (!p.movable() || view.migrationNanos(p.dirty()) > freezeLimit * p.age()) {
                continue; // pinned, or too young to repay its frozen time
            }
            double stay = marginal(view, view.self(), p, p.cpu());
            for (NodeLoad n : view.window()) {
                double there = roomFor(view, n, p) ? marginal(view, n, p, p.cpu()) : Double.POSITIVE_INFINITY;
                double gain = stay - there;
                if (!(there < (1 - margin) * stay)) {
                    continue; // not clearly cheaper there: news is stale, and a close call would ping-pong
                }
                if (!(progress(view, n, p, false) > progress(view, view.self(), p, true))) {
                    continue; // it would go no faster: the move would only put its work on the network (Test 7)
                }
                // Ties: the node of lowest id, then the process longest here (the kernel refuses recent arrivals).
                if (gain > bestGain || gain == bestGain
                        && (n.node() < bestN.node() || n.node() == bestN.node() && p.resident() > bestP.resident())) {
                    bestP = p;
                    bestN = n;
                    bestGain = gain;
                }
            }
        }
        if (bestP == null) {
            return List.of();
        }
        send(view, bestN, bestP.cpu(), bestP.memory());
        return List.of(new Proposal(bestP.pid(), bestN.node(), "opportunity-cost"));
    }

    /** Nothing: memory is one of the priced resources, so {@link #balance} already relieves a full node. */
    @Override
    public List<Proposal> usher(ClusterView view) {
        return List.of();
    }

    /** What node {@code n}'s cost rises by with {@code p} there, {@code cpu} being its CPU demand. */
    private double marginal(ClusterView view, NodeLoad n, ProcessView p, double cpu) {
        double b = base(view);
        boolean here = n.node() == view.self().node() && view.processes().stream().anyMatch(q -> q.pid() == p.pid());
        Sent s = news(view, n);
        double[] used = {load(view, n) + s.cpu() / capacity(n), 1 - (double) (n.freeMemory() - s.memory()) / n.memory()};
        double[] added = {cpu / capacity(n), (double) p.memory() / n.memory()};
        double m = 0;
        for (int r = 0; r < used.length; r++) {
            double with = here ? used[r] : used[r] + added[r]; // this node's figures already include its own processes
            m += cost(b, with) - cost(b, with - added[r]);
        }
        if (n.node() != p.home()) {
            m += cost(b, p.io() / ioCapacity) - 1;
        }
        double ipcBytes = ipcCapacity > 0 ? ipcCapacity : view.link().bandwidth() / 8; // 0: the network's bytes per second
        m += cost(b, p.remoteIpcBytes(n.node()) / ipcBytes) - 1;
        return m + cost(b, Math.min(1, p.remoteFileBytes(n.node()) * 8 / view.link().bandwidth())) - 1;
    }

    /**
     * How fast {@code p} would go at {@code n}: its share of the node's CPUs, less the time it would
     * wait there on the network for its files and IPC, and for its deputy if away from home.
     */
    private double progress(ClusterView view, NodeLoad n, ProcessView p, boolean here) {
        double runnable = load(view, n) * capacity(n) + (here ? 0 : Math.max(p.cpu(), 0.01));
        double share = n.speed() * Math.min(1, n.cpus() / Math.max(1, runnable));
        double bytes = (p.remoteFileBytes(n.node()) + p.remoteIpcBytes(n.node())) * 8 / view.link().bandwidth();
        double calls = n.node() == p.home() ? 0 : p.io() * view.forwardNanos(p.home()) / 1e9;
        return share * (1 - Math.min(1, bytes + calls));
    }

    /** {@code beta}, or 2n for the n nodes this node has heard of (the papers' choice). */
    private double base(ClusterView view) {
        if (beta != 0) {
            return beta;
        }
        known.add(view.self().node());
        view.window().forEach(n -> known.add(n.node()));
        return 2.0 * known.size();
    }

    private static double cost(double beta, double utilisation) {
        return Math.exp(Math.min(700, Math.log(beta) * Math.max(0, utilisation))); // capped: sums stay finite
    }

    private static double capacity(NodeLoad n) {
        return n.speed() * n.cpus();
    }

    /** This node's load is its processes' demand if they came faster than its index rises (new ones count 1). */
    private static double load(ClusterView view, NodeLoad n) {
        if (n.node() != view.self().node()) {
            return n.load();
        }
        double demand = view.processes().stream().mapToDouble(p -> Math.max(p.cpu(), p.age() == 0 ? 1 : 0)).sum();
        return Math.max(n.load(), demand / capacity(n));
    }

    private boolean roomFor(ClusterView view, NodeLoad n, ProcessView p) {
        return n.freeMemory() - news(view, n).memory() >= p.memory();
    }

    /** What was sent to {@code n} since its entry was made (its news counts everything before). */
    private Sent news(ClusterView view, NodeLoad n) {
        Sent s = sent.get(n.node());
        return s != null && n.node() != view.self().node() && s.stamp() >= view.now() - n.age() ? s : new Sent(0, 0, 0);
    }

    private void send(ClusterView view, NodeLoad n, double cpu, long memory) {
        Sent before = news(view, n);
        sent.put(n.node(), new Sent(view.now(), before.cpu() + cpu, before.memory() + memory));
    }
}
