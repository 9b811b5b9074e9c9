package ssi.api;

/**
 * What a policy sees of one of its node's processes.
 *
 * @param memory emulated memory in bytes
 * @param dirty bytes a migration would have to send now
 * @param cpu the fraction of the time it wanted a CPU recently (0-1), decayed: 1 for a CPU-bound process,
 *     however many processes share its CPU
 * @param io site-dependent calls (terminal, pipes, messages through home, process control) per virtual
 *     second, decayed, wherever they ran: those its deputy serves when it is away (file I/O is in {@code files})
 * @param files bytes of file I/O per virtual second, decayed, by the node holding the files: the bytes
 *     that would cross the network if the process ran elsewhere
 * @param ipc bytes of IPC (pipes, messages) per virtual second, decayed, by the node they cross to: a pipe's
 *     node (its creator's home, where the deputies serve it), a message's sending or receiving node
 * @param age virtual nanoseconds since it was created
 * @param resident virtual nanoseconds since it arrived at this node
 * @param movable false if a constraint or a lock keeps it here
 * @param hint what {@code mosrun -c} or {@code -i} said of it: {@code cpu}, {@code io}, or empty
 */
public record ProcessView(int pid, int home, int where, long memory, long dirty, double cpu, double io,
                          java.util.Map<Integer, Double> files, java.util.Map<Integer, Double> ipc,
                          long age, long resident, int nmigs, boolean movable, String hint) {
    public ProcessView {
        files = java.util.Map.copyOf(files);
        ipc = java.util.Map.copyOf(ipc);
    }

    /** Bytes per second of its IPC that would cross the network if it ran on {@code node}. */
    public double remoteIpcBytes(int node) {
        return remote(ipc, node);
    }

    /** Bytes per second of its file I/O that would cross the network if it ran on {@code node}. */
    public double remoteFileBytes(int node) {
        return remote(files, node);
    }

    private static double remote(java.util.Map<Integer, Double> rates, int node) {
        double total = 0;
        for (var e : rates.entrySet()) {
            total += e.getKey() == node ? 0 : e.getValue();
        }
        return total;
    }

    /** The node holding most of the files it uses lately, or 0 if it uses none. */
    public int fileNode() {
        if (files.isEmpty()) {
            return 0; // most processes: no file I/O, and policies ask of every process every period
        }
        return files.entrySet().stream().max(java.util.Map.Entry.<Integer, Double>comparingByValue()
                .thenComparing(java.util.Map.Entry.comparingByKey(java.util.Comparator.reverseOrder())))
                .map(java.util.Map.Entry::getKey).orElse(0);
    }
}
