/**
 * Runs guest programs (JavaScript, Python) in GraalVM contexts as preemptible, metered processes,
 * and defines the system-call interface between a process and the kernel (Syscall, Answer, Yield).
 */
module ssi.guest {
    requires transitive org.graalvm.polyglot; // Value appears in the system-call API
    requires org.graalvm.truffle;             // the work-meter instrument
    requires java.management;                 // guest threads' CPU time, for the watchdog
    requires transitive ssi.mfs;              // file operations travel to the kernel as system calls
    requires ssi.api;                         // signal names for the guests' kill and signal
    exports ssi.guest;                        // the runtime and the system-call interface; the meter stays inside
    provides com.oracle.truffle.api.instrumentation.provider.TruffleInstrumentProvider
            with ssi.guest.meter.WorkMeterProvider; // Truffle finds the work meter as a service
}
