package ssi.policy.mosix;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import ssi.api.ClusterView;
import ssi.api.NodeLoad;
import ssi.api.Policy;
import ssi.api.ProcessView;
import ssi.api.Proposal;

/**
 * MOSIX's resource sharing at one node (after Barak's papers and Kerrighed's port of the MOSIX
 * load code):
 * <ul>
 * <li>placement: a new process goes to the node where the load it would add leaves the lowest
 *     load, if that beats staying by the stability margin;</li>
 * <li>balancing: the candidate is a CPU-hungry, small process; a node qualifies as destination
 *     only if its load plus {@code margin} × the candidate's load there is still below this node's
 *     load (the anti-ping-pong rule); the least loaded qualifying node wins; a move whose expected
 *     gain (its age as the predictor of its remaining time) does not repay {@code cost_factor} ×
 *     the migration's frozen time is not made, which keeps memory-heavy processes home;</li>
 * <li>ushering: when free memory falls below {@code usher_below} of the node's memory, the
 *     largest process that fits goes to the node with the most free memory, even if it is busier.</li>
 * <li>I/O: a process that waits for file bytes to cross the network goes to the node holding its
 *     files (where DFSA makes its I/O local) if it would gain at least {@code io_gain} of its time
 *     there, the wait saved less any slower computing, and the gain repays the migration. The same
 *     wait counts against any move for load that would take a process away from its files.</li>
 * </ul>
 * In a MOSIX2 multi-cluster a node considers only those where the owners' priorities let the
 * process run ({@link ClusterView#priority}), and, loads being equal, prefers a node where the
 * process has the higher priority (its own cluster first), where it is least likely to be evicted.
 * Local processes come first: a node's own new process weighs its node without the guests of a
 * lower priority there (the kernel sends them away when the node is short of CPUs), and while
 * such guests are there, only they are candidates to leave.
 * <p>
 * Information is at most a period old, so the node also counts the processes it sent to each node
 * since it last heard from it: otherwise a burst of new processes would all go to the same node.
 */
final class MosixPolicy implements Policy {
    private record Sent(long stamp, int count) {}

    private final double margin;
    private final double usherBelow;
    private final double costFactor;
    private final double ioGain;
    private final Map<Integer, Sent> sent = new HashMap<>();
    private long lastSent = Long.MIN_VALUE; // when it last sent a process anywhere

    MosixPolicy(double margin, double usherBelow, double costFactor, double ioGain) {
        this.margin = margin;
        this.usherBelow = usherBelow;
        this.costFactor = costFactor;
        this.ioGain = ioGain;
    }

    @Override
    public OptionalInt place(ClusterView view, ProcessView process) {
        NodeLoad self = view.self();
        double here = (hasGuests(view) ? ownLoad(view, process.pid()) : selfLoad(view)) + 1 / capacity(self);
        Optional<NodeLoad> best = view.window().stream()
                .filter(n -> n.freeMemory() >= process.memory() && allowed(view, process, n))
                .min(Comparator.comparingDouble((NodeLoad n) -> load(view, n) + 1 / capacity(n))
                        .thenComparingInt((NodeLoad n) -> view.priority(process.home(), n.node())).thenComparingInt(NodeLoad::node));
        if (best.isEmpty() || margin * (load(view, best.get()) + 1 / capacity(best.get())) >= here) {
            return OptionalInt.empty();
        }
        return OptionalInt.of(send(view, best.get()));
    }

    /** Which process MOSIX tries first: the most CPU-hungry, then the smallest, then the lowest pid. */
    private static int candidateOrder(ProcessView a, ProcessView b) { // plain code: every node ranks its processes every period
        int byCpu = Double.compare(b.cpu(), a.cpu());
        if (byCpu != 0) {
            return byCpu;
        }
        return a.memory() != b.memory() ? Long.compare(a.memory(), b.memory()) : Integer.compare(a.pid(), b.pid());
    }

    // Plain loops below, not streams: every node decides every period, and a large cluster has thousands.
    @Override
    public List<Proposal> balance(ClusterView view) {
        double local = selfLoad(view);
        Optional<Proposal> toFiles = towardsFiles(view, local);
        if (toFiles.isPresent()) {
            return List.of(toFiles.get());
        }
        List<NodeLoad> window = view.window();
        if (!anyLessLoaded(view, window, local)) {
            return List.of(); // no node it knows is less loaded: none could take a process under the rule below
        }
        ProcessView first = null, second = null; // the highest or second-highest load, as MOSIX tries
        boolean guests = hasGuests(view);
        for (ProcessView p : view.processes()) {
            if (!p.movable() || guests && view.priority(p.home(), view.self().node()) == 0) {
                continue; // local processes stay while guests of a lower priority are here
            }
            if (first == null || candidateOrder(p, first) < 0) {
                second = first;
                first = p;
            } else if (second == null || candidateOrder(p, second) < 0) {
                second = p;
            }
        }
        for (ProcessView p : new ProcessView[] {first, second}) {
            NodeLoad to = p == null ? null : destination(view, window, p, local);
            if (to != null) {
                return List.of(new Proposal(p.pid(), send(view, to), "balance"));
            }
        }
        return List.of();
    }

    private boolean anyLessLoaded(ClusterView view, List<NodeLoad> window, double local) {
        for (NodeLoad n : window) {
            if (load(view, n) < local) {
                return true;
            }
        }
        return false;
    }

    /** The least loaded node that has room for {@code p}, would stay less loaded than this one with it (by the margin), and repays the move; or null. */
    private NodeLoad destination(ClusterView view, List<NodeLoad> window, ProcessView p, double local) {
        NodeLoad best = null;
        double bestLoad = 0;
        for (NodeLoad n : window) {
            if (n.freeMemory() < p.memory() || !allowed(view, p, n) || !(load(view, n) + margin * p.cpu() / capacity(n) < local)
                    || !repays(view, p, local, n)) {
                continue;
            }
            double with = load(view, n) + p.cpu() / capacity(n);
            int order = best == null ? -1 : Double.compare(with, bestLoad);
            if (order == 0) {
                order = Integer.compare(view.priority(p.home(), n.node()), view.priority(p.home(), best.node()));
            }
            if (order < 0 || order == 0 && n.node() < best.node()) {
                best = n;
                bestLoad = with;
            }
        }
        return best;
    }

    @Override
    public List<Proposal> usher(ClusterView view) {
        NodeLoad self = view.self();
        if (self.freeMemory() >= usherBelow * self.memory()) {
            return List.of();
        }
        Optional<NodeLoad> roomiest = view.window().stream()
                .max(Comparator.comparingLong(NodeLoad::freeMemory).thenComparing(NodeLoad::node, Comparator.reverseOrder()));
        if (roomiest.isEmpty()) {
            return List.of();
        }
        NodeLoad to = roomiest.get();
        return view.processes().stream().filter(ProcessView::movable)
                .filter(p -> to.freeMemory() - p.memory() >= usherBelow * to.memory() && allowed(view, p, to))
                .max(Comparator.comparingLong(ProcessView::memory).thenComparing(ProcessView::pid, Comparator.reverseOrder()))
                .map(p -> List.of(new Proposal(p.pid(), send(view, to), "usher")))
                .orElse(List.of());
    }

    /**
     * The process that would gain most at the node holding its files, sent there if that pays. Its
     * time here is {@code cpu} computing and the rest waiting, partly on the network; there the
     * network wait goes, and the computing takes longer or shorter by the two nodes' progress rates.
     */
    private Optional<Proposal> towardsFiles(ClusterView view, double local) {
        int self = view.self().node();
        double rateHere = progress(view.self(), local);
        ProcessView best = null;
        NodeLoad bestNode = null;
        double bestGain = 0;
        for (ProcessView p : view.processes()) {
            int holder = p.fileNode();
            if (!p.movable() || holder == 0 || holder == self) {
                continue;
            }
            double saving = ioTime(view, p, self) - ioTime(view, p, holder);
            for (NodeLoad n : view.window()) {
                if (n.node() != holder || n.freeMemory() < p.memory() || !allowed(view, p, n)) {
                    continue;
                }
                double rateThere = progress(n, load(view, n) + p.cpu() / capacity(n));
                double gain = saving - p.cpu() * (rateHere / rateThere - 1);
                if (gain >= ioGain && gain > bestGain && gain * p.age() > costFactor * view.migrationNanos(p.dirty())) {
                    best = p;
                    bestNode = n;
                    bestGain = gain;
                }
            }
        }
        return best == null ? Optional.empty() : Optional.of(new Proposal(best.pid(), send(view, bestNode), "io"));
    }

    /** Whether the owners' priorities let {@code p} run at {@code n} (always, in a one-cluster image). */
    private static boolean allowed(ClusterView view, ProcessView p, NodeLoad n) {
        return view.priority(p.home(), n.node()) != ClusterView.FORBIDDEN;
    }

    /** The fraction of its time {@code p} would spend moving file bytes over the network at {@code node}. */
    private static double ioTime(ClusterView view, ProcessView p, int node) {
        return Math.min(1, p.remoteFileBytes(node) * 8 / view.link().bandwidth());
    }

    /**
     * Does moving {@code p} to {@code n} gain more time than the migration costs, by {@code cost_factor}?
     * Time its file I/O would spend on the network there, and does not here, counts against it.
     */
    private boolean repays(ClusterView view, ProcessView p, double local, NodeLoad n) {
        double rateHere = progress(view.self(), local);
        double rateThere = progress(n, load(view, n) + p.cpu() / capacity(n));
        double ioLoss = ioTime(view, p, n.node()) - ioTime(view, p, view.self().node());
        double gain = p.age() * (1 - rateHere / rateThere - ioLoss); // its age predicts how long it will still run
        return gain > costFactor * view.migrationNanos(p.dirty());
    }

    /** Work per unit time of one CPU-bound process on a node with this load (processor sharing). */
    private static double progress(NodeLoad n, double load) {
        double runnable = Math.max(1, load * capacity(n));
        return n.speed() * Math.min(1, n.cpus() / runnable);
    }

    /** Speed × CPUs: the load one standard-processor second of demand adds is 1 / capacity. */
    private static double capacity(NodeLoad n) {
        return n.speed() * n.cpus();
    }

    /** Whether processes of other clusters (a priority other than 0 here) run at this node: never in a one-cluster image. */
    private static boolean hasGuests(ClusterView view) {
        for (ProcessView p : view.processes()) {
            if (view.priority(p.home(), view.self().node()) != 0) {
                return true;
            }
        }
        return false;
    }

    /** This node's load from its own cluster's processes but {@code placed}: guests of a lower priority make way for them. */
    private static double ownLoad(ClusterView view, int placed) {
        double sum = 0;
        for (ProcessView p : view.processes()) {
            if (p.pid() != placed && view.priority(p.home(), view.self().node()) == 0) {
                sum += Math.max(p.cpu(), p.age() == 0 ? 1 : 0);
            }
        }
        return sum / capacity(view.self());
    }

    /** This node's load: its smoothed index, or its run queue if processes arrived faster than the index rises. */
    private static double selfLoad(ClusterView view) {
        double sum = 0, lost = 0; // compensated (Kahan) summation, as DoubleStream.sum does it
        for (ProcessView p : view.processes()) {
            double d = Math.max(p.cpu(), p.age() == 0 ? 1 : 0) - lost;
            double next = sum + d;
            lost = (next - sum) - d;
            sum = next;
        }
        return Math.max(view.self().load(), (sum - lost) / capacity(view.self()));
    }

    /** A node's load as gossiped, plus what this node sent it since that news was made. */
    private double load(ClusterView view, NodeLoad n) {
        long stamp = view.now() - n.age();
        if (lastSent < stamp) {
            return n.load(); // news made after this node last sent anything: no lookup
        }
        Sent s = sent.get(n.node());
        int count = s != null && s.stamp() >= stamp ? s.count() : 0;
        return n.load() + count / capacity(n);
    }

    private int send(ClusterView view, NodeLoad n) {
        long stamp = view.now() - n.age();
        Sent s = sent.get(n.node());
        int before = s != null && s.stamp() >= stamp ? s.count() : 0;
        sent.put(n.node(), new Sent(view.now(), before + 1));
        lastSent = view.now();
        return n.node();
    }
}
