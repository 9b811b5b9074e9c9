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

    private final double decay;

    private int quanta;
    private int runnable;
    private double cpuSum;
    private double ioSum;
    private double weight;
    private long lastIoCalls;
    private final java.util.TreeMap<Integer, Double> fileSums = new java.util.TreeMap<>(); // by node holding the files
    private final java.util.TreeMap<Integer, Long> lastFileBytes = new java.util.TreeMap<>();

    Usage(boolean hinted) {
        this.decay = hinted ? SLOW_DECAY : FAST_DECAY;
    }

    /** Samples one quantum: did the process want a CPU at its end? */
    void quantum(boolean wantsCpu) {
        quanta++;
        runnable += wantsCpu ? 1 : 0;
    }

    /**
     * Ends a period of {@code seconds}; the process had made {@code ioCalls} I/O calls in all by
     * then, and moved {@code fileBytes} bytes of file I/O in all, by the node holding the files.
     */
    void period(double seconds, long ioCalls, java.util.Map<Integer, Long> fileBytes) {
        cpuSum = cpuSum * decay + (quanta == 0 ? 0 : (double) runnable / quanta);
        ioSum = ioSum * decay + (ioCalls - lastIoCalls) / seconds;
        fileSums.replaceAll((node, sum) -> sum * decay);
        fileBytes.forEach((node, bytes) -> {
            fileSums.merge(node, (bytes - lastFileBytes.getOrDefault(node, 0L)) / seconds, Double::sum);
            lastFileBytes.put(node, bytes);
        });
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
        java.util.TreeMap<Integer, Double> rates = new java.util.TreeMap<>();
        fileSums.forEach((node, sum) -> {
            if (weight > 0 && sum / weight >= 1) {
                rates.put(node, sum / weight);
            }
        });
        return java.util.Collections.unmodifiableMap(rates);
    }
}
