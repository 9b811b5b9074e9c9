package ssi.scheduler;

/**
 * A process's recent demand for the CPU and its I/O (calls, and file bytes by node), decayed every period as MOSIX does, averaged
 * with a correction so that a young process's figure is its true one so far rather than one
 * biased towards zero. Cleared on exec: each process starts afresh. A process of unknown kind
 * decays fast (926/1000 of the past kept), to follow its changes; one whose kind was hinted
 * ({@code mosrun -c}, {@code -i}) decays slowly (975/1000), its behaviour being known and steady.
 */
public final class Usage {
    public static final double FAST_DECAY = 0.926;
    public static final double SLOW_DECAY = 0.975;

    private final boolean hinted; // mosrun -c / -i: its kind is known, it decays slowly
    private double decay;     // of the last period

    private int quanta;
    private int runnable;
    private double cpuSum;
    private double ioSum;
    private double weight;
    private long lastIoCalls;
    private Rates files;      // null until it does file I/O (most processes never do; views are built every period)
    private Rates ipc;        // null until it does IPC

    public Usage(boolean hinted) {
        this.hinted = hinted;
        this.decay = hinted ? SLOW_DECAY : FAST_DECAY;
    }

    /** Whether its kind was hinted ({@code mosrun -c}, {@code -i}): it decays slowly. */
    public boolean hinted() {
        return hinted;
    }

    /** Samples one quantum: did the process want a CPU at its end? */
    public void quantum(boolean wantsCpu) {
        quanta(1, wantsCpu);
    }

    /** Samples {@code count} quanta alike. */
    public void quanta(long count, boolean wantsCpu) {
        quanta += (int) count;
        runnable += wantsCpu ? (int) count : 0;
    }

    /** Counts bytes of file I/O served by {@code node} (the one holding the files). */
    public void fileBytes(int node, long bytes) {
        (files == null ? files = new Rates() : files).add(node, bytes);
    }

    /** Counts bytes of IPC that crossed to {@code node}. */
    public void ipcBytes(int node, long bytes) {
        (ipc == null ? ipc = new Rates() : ipc).add(node, bytes);
    }

    /** Ends a period of {@code seconds}; the process had made {@code ioCalls} I/O calls in all by then. */
    public void period(double seconds, long ioCalls, double decay) {
        this.decay = decay; // the node's setting (slow-decay or fast-decay), which an administrator may change
        cpuSum = cpuSum * decay + (quanta == 0 ? 0 : (double) runnable / quanta);
        ioSum = ioSum * decay + (ioCalls - lastIoCalls) / seconds;
        if (files != null) {
            files.period(seconds);
        }
        if (ipc != null) {
            ipc.period(seconds);
        }
        weight = weight * decay + 1;
        quanta = 0;
        runnable = 0;
        lastIoCalls = ioCalls;
    }

    /** The fraction of the time it wanted a CPU, 0 to 1: 1 for a CPU-bound process however many share its CPU. */
    public double cpu() {
        return weight == 0 ? 0 : cpuSum / weight;
    }

    /** I/O system calls per second recently. */
    public double io() {
        return weight == 0 ? 0 : ioSum / weight;
    }

    /** File I/O bytes per second recently, by the node holding the files (nodes it has not used lately left out). */
    public java.util.Map<Integer, Double> files() {
        return files == null ? java.util.Map.of() : files.rates();
    }

    /** IPC bytes per second recently, by the node they crossed to. */
    public java.util.Map<Integer, Double> ipc() {
        return ipc == null ? java.util.Map.of() : ipc.rates();
    }

    /** Bytes by node, turned into decayed rates each period. */
    private final class Rates {
        private final java.util.TreeMap<Integer, Double> sums = new java.util.TreeMap<>();
        private final java.util.TreeMap<Integer, Long> fresh = new java.util.TreeMap<>(); // bytes since the last period

        void add(int node, long bytes) {
            fresh.merge(node, bytes, Long::sum);
        }

        void period(double seconds) {
            sums.replaceAll((node, sum) -> sum * decay);
            fresh.forEach((node, bytes) -> sums.merge(node, bytes / seconds, Double::sum));
            fresh.clear();
        }

        java.util.Map<Integer, Double> rates() {
            java.util.TreeMap<Integer, Double> rates = new java.util.TreeMap<>();
            sums.forEach((node, sum) -> { // weight is the period count of the enclosing Usage, decayed alike
                if (weight > 0 && sum / weight >= 1) {
                    rates.put(node, sum / weight);
                }
            });
            return java.util.Collections.unmodifiableMap(rates);
        }
    }
}
