package ssi.kernel;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import ssi.api.NodeInfo;
import ssi.api.NodeSpec;
import ssi.api.ProcessState;
import ssi.guest.Errno;
import ssi.guest.SyscallException;
import ssi.migration.AddressSpace;
import ssi.scheduler.CpuShare;

/**
 * The nodes as they are now: their specs (an administrator may change a node's speed, nodes may
 * join), which are down, their admin switches, the memory their processes take, and which
 * processes run on each.
 */
final class Nodes {
    private final Kernel k;
    final Admin admin;
    private NodeSpec[] specs;             // by id
    private final BitSet down = new BitSet(); // nodes that crashed
    private long[] served;                // forwarded calls the deputies at each node have served since boot
    private long[] used;                  // memory each node's live processes take, and reserve for processes migrating to it
    private final List<Residents> running = new ArrayList<>(); // each node's live processes, by pid

    Nodes(Kernel k, Image image) {
        this.k = k;
        this.admin = new Admin(image);
        this.specs = new NodeSpec[image.nodes().size() + 1];
        image.nodes().forEach(n -> specs[n.id()] = n);
        this.served = new long[specs.length];
        this.used = new long[specs.length];
        for (int n = 0; n < specs.length; n++) {
            running.add(new Residents());
        }
    }

    /** Node ids are 1 to this. */
    int count() {
        return specs.length - 1;
    }

    /** A node as it is now. */
    NodeSpec spec(int node) {
        return specs[node];
    }

    /** A node joins, with the next id. */
    void add(NodeSpec n) {
        admin.addNode(n);
        specs = Arrays.copyOf(specs, n.id() + 1);
        specs[n.id()] = n;
        served = Arrays.copyOf(served, n.id() + 1);
        used = Arrays.copyOf(used, n.id() + 1);
        running.add(new Residents());
    }

    void setSpeed(int node, double speed) {
        NodeSpec n = specs[node];
        specs[node] = new NodeSpec(n.id(), n.name(), speed, n.cpus(), n.memory(), n.disk(), n.nomfs());
    }

    boolean up(int node) {
        return !down.get(node);
    }

    void requireUp(int node) throws KernelException {
        if (down.get(node)) {
            throw new KernelException("node " + node + " is down");
        }
    }

    void crashed(int node) {
        down.set(node);
    }

    void restarted(int node) {
        down.clear(node);
    }

    /** Whether a node refuses guests ({@code block}). */
    boolean blocks(int node) {
        return admin.is(node, "block");
    }

    /** The live processes running on a node, by pid. */
    Residents at(int node) {
        return running.get(node);
    }

    /** Counts a live process at the node it runs on: in that node's memory and its index of processes. */
    void settle(Proc p) {
        used[p.where] += p.memory.bytes();
        running.get(p.where).put(p);
    }

    /** The reverse of {@link #settle}: it leaves the node (by migrating, or by ending). */
    void unsettle(Proc p) {
        if (p.frozen != null) {
            return; // frozen: it left its node when it froze
        }
        used[p.where] -= p.memory.bytes();
        running.get(p.where).drop(p);
    }

    /** Reserves memory of a node for a process on its way there (releases it if negative). */
    void reserve(int node, long bytes) {
        used[node] += bytes;
    }

    /** Memory of a node taken by its processes and reserved for ones migrating to it. */
    long used(int node) {
        return used[node];
    }

    /** Memory of a node not used by its processes nor reserved for ones migrating to it. */
    long freeMemory(int node) {
        assert used[node] == k.processes.all().stream().filter(p -> p.alive() && p.frozen == null && (p.where == node
                || p.move != null && p.move.reserved() && p.move.to() == node)).mapToLong(p -> p.memory.bytes()).sum()
                : "node " + node + "'s memory is accounted as it changes";
        return spec(node).memory() - used[node];
    }

    /** Refuses a new process whose memory does not fit the node. */
    void requireMemory(int node, AddressSpace memory, String what) throws KernelException {
        long free = freeMemory(node);
        if (memory.bytes() > free) {
            throw new KernelException("out of memory: " + spec(node).name() + " has " + free + " bytes free, " + what + " needs " + memory.bytes());
        }
    }

    /** A deputy at {@code home} served a forwarded call. */
    void served(int home) {
        served[home]++;
    }

    /** The {@code alloc} call: a block of the process's memory, if its node has room for it. */
    Object alloc(Proc p, long bytes) {
        long free = freeMemory(p.where);
        if (bytes > free || p.memory.pagesFor(bytes) * p.memory.pageBytes() > free) { // bytes first: pages of a huge size overflow
            return new SyscallException(Errno.ENOMEM, "alloc: out of memory: " + spec(p.where).name() + " has " + free + " bytes free, asked " + bytes);
        }
        long before = p.memory.bytes();
        try {
            int handle = p.memory.alloc(bytes);
            used[p.where] += p.memory.bytes() - before;
            return handle;
        } catch (IllegalArgumentException ex) {
            return new SyscallException(ex.getMessage());
        }
    }

    /** The {@code free} call. */
    Object free(Proc p, int handle) {
        try {
            long before = p.memory.bytes();
            p.memory.free(handle);
            used[p.where] += p.memory.bytes() - before;
            return null;
        } catch (IllegalArgumentException ex) {
            return new SyscallException(ex.getMessage());
        }
    }

    /**
     * The node where a process ({@code self}, or a new one if null) would get the most CPU (speed
     * times its share), among those up, open to it (a new one's home is {@code home}) and with {@code bytes} free; the lowest id on a tie.
     */
    int best(long bytes, Proc self, int home) throws KernelException {
        return best(bytes, self, home, self == null ? -1 : self.remote);
    }

    /** The same, for a process (or a new one) of a MOSRC job in cluster {@code remote}: among that cluster's nodes only (-1: a MOSIX process). */
    int best(long bytes, Proc self, int home, int remote) throws KernelException {
        int best = 0;
        double bestRate = -1;
        for (int n = 1; n <= count(); n++) {
            int id = n;
            boolean here = self != null && self.where == id;
            boolean open = (!blocks(id) || here || self != null && id == self.home) 
                    && (remote >= 0 ? k.clusters.rules.of(id) == remote : k.clusters.rules.mayRun(self == null ? home : self.home, id));
            if (!here && freeMemory(id) < bytes || down.get(id) || !open) {
                continue;
            }
            int runnable = (int) k.processes.all().stream()
                    .filter(p -> p != self && p.where == id && p.state == ProcessState.RUNNING && p.frozen == null).count();
            double rate = spec(id).speed() * CpuShare.share(spec(id).cpus(), runnable + 1);
            if (rate > bestRate) {
                best = id;
                bestRate = rate;
            }
        }
        if (best == 0) {
            throw new KernelException("no node has " + bytes + " bytes free for the process");
        }
        return best;
    }

    /**
     * Each node with its load now ({@code runnable}: runnable processes, busy deputies and processes
     * migrating to it, for which it reserved a CPU, per CPU of the standard processor) and its load index.
     */
    List<NodeInfo> info(int[] runnable) {
        int[] here = new int[specs.length];
        int[] deputies = new int[specs.length];
        for (Proc p : k.processes.all()) {
            if (p.alive() && p.frozen == null) {
                here[p.where]++;
                deputies[p.home] += p.where != p.home ? 1 : 0;
            }
        }
        List<NodeInfo> out = new ArrayList<>();
        for (int id = 1; id <= count(); id++) {
            NodeSpec n = spec(id);
            out.add(new NodeInfo(n, runnable[id] / (n.cpus() * n.speed()), k.balancer.loadIndex(id), here[id],
                    deputies[id], served[id], freeMemory(id), k.files().diskUsed(id)));
        }
        return out;
    }
}
