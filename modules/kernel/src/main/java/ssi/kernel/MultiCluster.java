package ssi.kernel;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import ssi.api.ClusterInfo;
import ssi.api.ClusterView;
import ssi.api.MigrationReason;
import ssi.api.ProcessState;
import ssi.migration.Freezing;

/**
 * The kernel's enforcement of the owners' rules in a MOSIX2 multi-cluster ({@link Clusters}):
 * connecting and disconnecting clusters and setting priorities (each traced), and at every
 * balancing period's end sending guests away from where they may no longer run, and lower-priority
 * guests away from a node where higher-priority demand waits for a CPU. Policies only propose;
 * this is what the kernel disposes.
 */
final class MultiCluster {
    private final Kernel k;
    final Clusters rules;
    private boolean astray; // a process may still run where the rules forbid it (its move home was under way, or rolled back)

    MultiCluster(Kernel k, Image image) {
        this.k = k;
        this.rules = new Clusters(image);
    }

    private long now() {
        return k.quantum.now();
    }

    List<ClusterInfo> list() {
        List<int[]> placed = new ArrayList<>();
        for (Proc p : k.processes.all()) {
            if (p.alive()) {
                placed.add(new int[] {p.where, p.home});
            }
        }
        return rules.infos(placed);
    }

    /** {@code cluster connect NAME}: the cluster joins the multi-cluster; information flows, and processes may come and go by the priorities. */
    void connect(String name) throws KernelException {
        int c = rules.named(name);
        if (rules.linux(c)) {
            throw new KernelException("cluster '" + rules.name(c) + "' is plain Linux servers, not a MOSIX cluster: reach it with mosrc");
        }
        if (rules.connected(c)) {
            throw new KernelException("cluster '" + rules.name(c) + "' is connected already");
        }
        rules.connect(c, true);
        k.trace.log(now(), "cluster connect " + rules.name(c));
    }

    /**
     * {@code cluster disconnect NAME}: the cluster leaves the multi-cluster, losing no process: its
     * guests go home, and its own processes elsewhere come home. Refused for the cluster of
     * {@code from}, the node the request comes from (the shell's), which would cut itself off.
     */
    void disconnect(String name, int from) throws KernelException {
        int c = rules.named(name);
        if (rules.of(from) == c) {
            throw new KernelException("cannot disconnect cluster '" + rules.name(c) + "': it holds " + k.nodes.spec(from).name()
                    + ", the node this request comes from");
        }
        if (!rules.connected(c)) {
            throw new KernelException("cluster '" + rules.name(c) + "' is not connected");
        }
        rules.connect(c, false);
        k.trace.log(now(), "cluster disconnect " + rules.name(c));
        sendAway();
    }

    /** {@code cluster priority NAME OTHER N}: NAME's priority for OTHER's processes, 1 to 65535 (lower is higher), or {@code none}. */
    void setPriority(String name, String other, String value) throws KernelException {
        int c = rules.named(name), o = rules.named(other);
        if (c == o) {
            throw new KernelException("cluster '" + rules.name(c) + "' needs no priority for itself: its own processes always come first");
        }
        String v = value.strip();
        int n;
        if (v.equals("none")) {
            n = 0;
        } else if (v.matches("\\d{1,5}") && ClusterManifest.PRIORITY.holds(Integer.parseInt(v))) {
            n = Integer.parseInt(v);
        } else {
            throw new KernelException("a priority is a whole number " + ClusterManifest.PRIORITY.describe()
                    + " (lower is higher), or none (take no processes of that cluster), got '" + v + "'");
        }
        rules.setPriority(c, o, n);
        k.trace.log(now(), "cluster priority " + rules.name(c) + " " + rules.name(o) + " " + (n == 0 ? "none" : n));
        sendAway();
    }

    /**
     * Whether {@code p} may run at {@code node}: a MOSIX process where the owners' priorities let
     * it; a MOSRC job's process only within the entity it was sent to, and on a plain Linux entity
     * only on the node it was sent to (no MOSIX there to move it).
     */
    boolean allowed(Proc p, int node) {
        if (p.remote < 0) {
            return rules.mayRun(p.home, node);
        }
        return rules.of(node) == p.remote && (!rules.linux(p.remote) || node == p.where);
    }

    /**
     * Every process that runs where the rules no longer let it goes home, in pid order; one whose
     * home lacks the memory for it now is frozen to its home's disk instead, to continue later.
     */
    private void sendAway() {
        astray = false;
        for (Proc p : List.copyOf(k.processes.all())) {
            if (!p.alive() || p.frozen != null || p.remote >= 0 || rules.mayRun(p.home, p.where)) {
                continue;
            }
            if (p.move != null) {
                astray = true; // look again once it has moved (or rolled back)
            } else if (k.nodes.freeMemory(p.home) < p.memory.bytes()) {
                k.freezing.freezing.freeze(p, Freezing.Cause.DISCONNECT, now());
            } else {
                evict(p, "its cluster may not run there now");
                astray = true;
            }
        }
    }

    /** A process is where the rules forbid it: it is sent away at the quantum's end. */
    void astray() {
        astray = true;
    }

    /** At a quantum's end: while a process may still be where the rules forbid it, it is sent away (again) at once. */
    void quantumEnd() {
        if (astray) {
            sendAway();
        }
    }

    private void evict(Proc p, String why) {
        String refused = k.migrations.start(p, p.home, MigrationReason.EVICTED, now(), false, null);
        k.trace.log(now(), "evict pid=" + p.pid + " from=" + p.where + " (" + why + ")" + (refused == null ? "" : " refused: " + refused));
    }

    /**
     * At a period's end (several clusters only): guests that may not run where they are go home; on
     * a node with more runnable processes than CPUs, guests of a lower priority than another runnable
     * process there go home, the lowest priority first, the newest first within one, until the
     * excess is gone. What a policy proposed this period has been disposed of already.
     */
    void periodEnd() {
        if (!rules.several()) {
            return;
        }
        sendAway();
        for (int node = 1; node <= k.nodes.count(); node++) {
            int n = node;
            List<Proc> runnable = k.nodes.at(node).stream().filter(p -> p.move == null && p.state == ProcessState.RUNNING).toList();
            int excess = runnable.size() - k.nodes.spec(node).cpus();
            if (excess <= 0) {
                continue;
            }
            int best = runnable.stream().filter(p -> p.remote < 0).mapToInt(p -> rules.priority(p.home, n)).min().orElse(ClusterView.FORBIDDEN);
            List<Proc> guests = runnable.stream().filter(p -> p.remote < 0 && rules.priority(p.home, n) > best) // a MOSRC job has nowhere to go
                    .sorted(Comparator.comparingInt((Proc p) -> rules.priority(p.home, n)).thenComparingInt(p -> p.pid).reversed()).toList();
            for (Proc g : guests.subList(0, Math.min(excess, guests.size()))) {
                evict(g, "priority " + rules.priority(g.home, n) + " gives way to priority " + best + " on " + k.nodes.spec(n).name());
            }
        }
    }
}
