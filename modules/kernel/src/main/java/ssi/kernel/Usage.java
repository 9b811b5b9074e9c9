package ssi.kernel;

/**
 * A process's recent demand for the CPU and its I/O (calls, and file bytes by node), decayed every period as MOSIX does, averaged
 * with a correction so that a young process's figure is its true one so far rather than one
 * biased towards zero. Cleared on exec: each process starts afresh. A process of unknown kind
 * decays fast (926/1000 of the past kept), to follow its changes; one whose kind was hinted
 * ({@code mosrun -c}, {@code -i}) decays slowly (975/1000), its behaviour being known and steady.
 */
final class Usage {
    static final double FAST_DECAY = 0.926;
    static final double SLOW_DECAY = 0.975;

    final boolean hinted;     // mosrun -c / -i: its kind is known, it decays slowly
    private double decay;     // of the last period

    private int quanta;
    private int runnable;
    private double cpuSum;
    private double ioSum;
    private double weight;
    private long lastIoCalls;
    private final Rates files = new Rates();
    private final Rates ipc = new Rates();

    Usage(boolean hinted) {
        this.hinted = hinted;
        this.decay = hinted ? SLOW_DECAY : FAST_DECAY;
    }

    /** Samples one quantum: did the process want a CPU at its end? */
    void quantum(boolean wantsCpu) {
        quanta(1, wantsCpu);
    }

    /** Samples {@code count} quanta alike. */
    void quanta(long count, boolean wantsCpu) {
        quanta += (int) count;
        runnable += wantsCpu ? (int) count : 0;
    }

    /**
     * Ends a period of {@code seconds}; the process had made {@code ioCalls} I/O calls in all by
     * then, moved {@code fileBytes} bytes of file I/O in all, by the node holding the files, and
     * {@code ipcBytes} of IPC, by the node they crossed to.
     */
    void period(double seconds, long ioCalls, java.util.Map<Integer, Long> fileBytes, java.util.Map<Integer, Long> ipcBytes, double decay) {
        this.decay = decay; // the node's setting (slow-decay or fast-decay), which an administrator may change
        cpuSum = cpuSum * decay + (quanta == 0 ? 0 : (double) runnable / quanta);
        ioSum = ioSum * decay + (ioCalls - lastIoCalls) / seconds;
        files.period(seconds, fileBytes);
        ipc.period(seconds, ipcBytes);
        weight = weight * decay + 1;
        quanta = 0;
        runnable = 0;
        lastIoCalls = ioCalls;
    }

    /** The fraction of the time it wanted a CPU, 0 to 1: 1 for a CPU-bound process however many share its CPU. */
    double cpu() {
        return weight == 0 ? 0 : cpuSum / weight;
    }

    /** I/O system calls per second recently. */
    double io() {
        return weight == 0 ? 0 : ioSum / weight;
    }

    /** File I/O bytes per second recently, by the node holding the files (nodes it has not used lately left out). */
    java.util.Map<Integer, Double> files() {
        return files.rates();
    }

    /** IPC bytes per second recently, by the node they crossed to. */
    java.util.Map<Integer, Double> ipc() {
        return ipc.rates();
    }

    /** Byte counts by node, turned into decayed rates each period. */
    private final class Rates {
        private final java.util.TreeMap<Integer, Double> sums = new java.util.TreeMap<>();
        private final java.util.TreeMap<Integer, Long> last = new java.util.TreeMap<>();

        void period(double seconds, java.util.Map<Integer, Long> totals) {
            if (sums.isEmpty() && totals.isEmpty()) {
                return;
            }
            sums.replaceAll((node, sum) -> sum * decay);
            totals.forEach((node, bytes) -> {
                sums.merge(node, (bytes - last.getOrDefault(node, 0L)) / seconds, Double::sum);
                last.put(node, bytes);
            });
        }

        java.util.Map<Integer, Double> rates() {
            if (sums.isEmpty()) {
                return java.util.Map.of(); // most processes: no such traffic (and views are built every period)
            }
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
