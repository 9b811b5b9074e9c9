/** Reads the real host (CPU model, CPUs, memory, load average) through OSHI. */
module ssi.hostinfo {
    requires com.github.oshi; // the host's hardware and OS figures
    exports ssi.hostinfo;
}
