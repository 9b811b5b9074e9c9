package ssi.scheduler;

import java.util.Arrays;
import java.util.List;
import ssi.api.NodeSpec;

/**
 * Each node's CPUs in the current quantum: how many processes share them, and how much of them
 * is left to processes once the kernel's work of the last quantum there (deputies serving
 * forwarded calls, file requests served for other nodes) is taken, so that it counts in the node's load.
 */
public final class NodeCpus {
    private final long quantumNanos;
    private int[] joined = {};      // processes sharing each node's CPUs in the current quantum
    private double[] capacity = {}; // CPUs of each node left to processes in the current quantum
    private long[] owed = {};       // CPU time the kernel's work took at each node, to be taken from its processes

    /** Nodes 1 to {@code last}, in quanta of {@code quantumNanos}. */
    public NodeCpus(int last, long quantumNanos) {
        this.quantumNanos = quantumNanos;
        grow(last);
    }

    /** Makes room for nodes up to {@code last}. */
    public void grow(int last) {
        joined = Arrays.copyOf(joined, last + 1);
        capacity = Arrays.copyOf(capacity, last + 1);
        owed = Arrays.copyOf(owed, last + 1);
    }

    /** A quantum starts: nobody shares yet, and the kernel's work owed at each node is taken from its CPUs (up to all of them). */
    public void startQuantum(List<NodeSpec> nodes) {
        Arrays.fill(joined, 0);
        for (NodeSpec n : nodes) {
            long taken = Math.min(owed[n.id()], n.cpus() * quantumNanos);
            owed[n.id()] -= taken;
            capacity[n.id()] = n.cpus() - (double) taken / quantumNanos;
        }
    }

    /** {@code processes} more share a node's CPUs in this quantum. */
    public void join(int node, int processes) {
        joined[node] += processes;
    }

    /** The fraction of a CPU each process sharing {@code node}'s CPUs gets in this quantum. */
    public double share(int node) {
        return CpuShare.share(capacity[node], joined[node]);
    }

    /** The kernel worked {@code nanos} of CPU time at {@code node}: taken from its processes from the next quantum on. */
    public void charge(int node, long nanos) {
        owed[node] += nanos;
    }

    /** Whether kernel work is still to be taken from some node's processes. */
    public boolean owing() {
        return Arrays.stream(owed).anyMatch(o -> o > 0);
    }
}
