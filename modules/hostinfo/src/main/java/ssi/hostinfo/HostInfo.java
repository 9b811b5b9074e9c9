package ssi.hostinfo;

import oshi.SystemInfo;
import oshi.hardware.CentralProcessor;
import oshi.hardware.GlobalMemory;

/**
 * The real machine the emulator runs on. Emulated nodes never depend on it; it sizes the
 * worker pool and is shown to the user.
 *
 * @param maxFreqHz the CPU's maximum frequency, or -1 when the host does not tell
 * @param loadAverage the 1, 5 and 15 minute load averages (negative where unknown)
 */
public record HostInfo(String cpuModel, int logicalCpus, int physicalCpus, long maxFreqHz,
                       long totalMemory, long availableMemory, double[] loadAverage) {

    /** Reads the host now. */
    public static HostInfo read() {
        SystemInfo si = new SystemInfo();
        CentralProcessor cpu = si.getHardware().getProcessor();
        GlobalMemory mem = si.getHardware().getMemory();
        return new HostInfo(cpu.getProcessorIdentifier().getName().strip(),
                cpu.getLogicalProcessorCount(), cpu.getPhysicalProcessorCount(), cpu.getMaxFreq(),
                mem.getTotal(), mem.getAvailable(), cpu.getSystemLoadAverage(3));
    }

    /** A few lines for people. */
    public String describe() {
        return String.format("cpu:     %s%nthreads: %d logical, %d physical%nfreq:    %s%nmemory:  %s total, %s available%nload:    %s",
                cpuModel, logicalCpus, physicalCpus,
                maxFreqHz > 0 ? String.format("%.2f GHz", maxFreqHz / 1e9) : "unknown",
                mib(totalMemory), mib(availableMemory), load());
    }

    private String load() {
        StringBuilder b = new StringBuilder();
        for (double l : loadAverage) {
            b.append(l < 0 ? "?" : String.format("%.2f", l)).append(' ');
        }
        return b.toString().strip();
    }

    private static String mib(long bytes) {
        return (bytes >> 20) + " MiB";
    }
}
