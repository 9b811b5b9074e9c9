/** Reads the real host (CPU model, CPUs, memory, load average) through OSHI. */
module ssi.hostinfo {
    requires com.github.oshi; // the host's hardware and OS figures
    // OSHI, an automatic module, logs through SLF4J but cannot require it: required here, the API
    // and its binding (slf4j-nop, a provider of the API's service) are resolved with the shell.
    requires org.slf4j;
    exports ssi.hostinfo; // to the shell's host command
}
