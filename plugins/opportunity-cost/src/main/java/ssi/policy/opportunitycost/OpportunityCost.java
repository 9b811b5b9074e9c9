package ssi.policy.opportunitycost;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import ssi.api.ClusterView;
import ssi.api.NodeLoad;
import ssi.api.Policy;
import ssi.api.ProcessView;
import ssi.api.Proposal;

/**
 * The opportunity cost policy at one node ("An opportunity cost approach for job assignment in a
 * scalable computing cluster", Amir, Awerbuch, Barak, Borgstrom, Keren). Each resource of a node
 * costs {@code beta^utilisation}: CPU (load per standard processor), memory (used / total) and,
 * for a process away from home, I/O (its forwarded calls per second / {@code io_capacity}: the
 * deputy serves them at home, so being away costs that much more). A process's marginal cost at a
 * node is what the node's cost rises by with it there.
 * <ul>
 * <li>placement: a new process (assumed CPU-bound) goes where its marginal cost is least;</li>
 * <li>reassignment: the process that would save the most goes where its marginal cost is lower
 *     than its cost here by more than {@code margin}, if its migration's frozen time is at most
 *     {@code payback} × its age (its age predicts its remaining time).</li>
 * </ul>
 * Memory is one of the priced resources, so there is no separate ushering.
 */
final class OpportunityCost implements Policy {
    private static final double MAX_EXPONENT = 300; // beyond this every cost is "infinite" alike
    private record Sent(long stamp, double demand) {}

    private final double beta;
    private final double margin;
    private final double ioCapacity;
    private final double payback;
    private final Map<Integer, Sent> sent = new HashMap<>();

    OpportunityCost(double beta, double margin, double ioCapacity, double payback) {
        this.beta = beta;
        this.margin = margin;
        this.ioCapacity = ioCapacity;
        this.payback = payback;
    }

    @Override
    public OptionalInt place(ClusterView view, ProcessView process) {
        ProcessView fresh = withDemand(process, 1);
        NodeLoad best = view.self();
        double bestCost = marginal(view, best, fresh, false);
        for (NodeLoad n : view.window()) {
            double c = marginal(view, n, fresh, false);
            if (c < bestCost || c == bestCost && n.node() < best.node()) {
                best = n;
                bestCost = c;
            }
        }
        return best.node() == view.self().node() ? OptionalInt.empty() : OptionalInt.of(send(view, best, 1));
    }

    @Override
    public List<Proposal> balance(ClusterView view) {
        Proposal bestMove = null;
        double bestGain = 0;
        for (ProcessView p : view.processes()) {
            if (!p.movable() || view.migrationNanos(p.dirty()) > payback * p.age()) {
                continue;
            }
            double stay = marginal(view, view.self(), p, true);
            for (NodeLoad n : view.window()) {
                double there = marginal(view, n, p, false);
                double gain = stay - there;
                if (there < (1 - margin) * stay && gain > bestGain) {
                    bestGain = gain;
                    bestMove = new Proposal(p.pid(), n.node(), "opportunity-cost");
                }
            }
        }
        if (bestMove == null) {
            return List.of();
        }
        Proposal move = bestMove;
        ProcessView p = view.processes().stream().filter(q -> q.pid() == move.pid()).findFirst().orElseThrow();
        NodeLoad to = view.window().stream().filter(n -> n.node() == move.node()).findFirst().orElseThrow();
        send(view, to, p.cpu());
        return List.of(move);
    }

    @Override
    public List<Proposal> usher(ClusterView view) {
        return List.of();
    }

    /**
     * What the node's cost rises by with the process there; {@code present}: it is already there
     * (this node), so the figures already include it.
     */
    private double marginal(ClusterView view, NodeLoad n, ProcessView p, boolean present) {
        double b = beta != 0 ? beta : 2.0 * (view.window().size() + 1);
        double cpu = load(view, n);
        double mem = 1 - (double) n.freeMemory() / n.memory();
        double addCpu = p.cpu() / (n.speed() * n.cpus());
        double addMem = (double) p.memory() / n.memory();
        double without = present
                ? cost(b, cpu - addCpu) + cost(b, mem - addMem)
                : cost(b, cpu) + cost(b, mem);
        double with = present ? cost(b, cpu) + cost(b, mem) : cost(b, cpu + addCpu) + cost(b, mem + addMem);
        double io = n.node() == p.home() ? 0 : cost(b, p.io() / ioCapacity) - 1;
        return with - without + io;
    }

    private static double cost(double beta, double utilisation) {
        return Math.pow(beta, Math.min(MAX_EXPONENT, Math.max(0, utilisation)));
    }

    /** A node's CPU load: this node's own from its processes too (they may have come faster than the index rises); others' plus what was sent them since their news. */
    private double load(ClusterView view, NodeLoad n) {
        if (n.node() == view.self().node()) {
            double demand = view.processes().stream().mapToDouble(p -> Math.max(p.cpu(), p.age() == 0 ? 1 : 0)).sum();
            return Math.max(n.load(), demand / (n.speed() * n.cpus()));
        }
        Sent s = sent.get(n.node());
        long stamp = view.now() - n.age();
        return n.load() + (s != null && s.stamp() >= stamp ? s.demand() / (n.speed() * n.cpus()) : 0);
    }

    private int send(ClusterView view, NodeLoad n, double demand) {
        Sent s = sent.get(n.node());
        double before = s != null && s.stamp() >= view.now() - n.age() ? s.demand() : 0;
        sent.put(n.node(), new Sent(view.now(), before + demand));
        return n.node();
    }

    private static ProcessView withDemand(ProcessView p, double cpu) {
        return new ProcessView(p.pid(), p.home(), p.where(), p.memory(), p.dirty(), Math.max(cpu, p.cpu()), p.io(), p.ipc(),
                p.age(), p.resident(), p.nmigs(), p.movable(), p.hint());
    }
}
