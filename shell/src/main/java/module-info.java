/** The interactive shell (jline3) and the script runner: a front end on the kernel's public API. */
module ssi.shell {
    requires ssi.kernel;                    // the cluster it drives
    requires ssi.experiment;                // experiment list|run|compare
    requires ssi.sweep;                     // experiment sweep, ./ssi worker, bench --sweep
    requires ssi.plot;                      // plot, and the charts of a run
    requires java.desktop;                  // plot --open
    requires ssi.hostinfo;                  // the `host` command
    requires ssi.guest;                     // the shared guest runtime
    requires ssi.scheduler;                 // bench: gossip convergence
    requires ssi.bench;                     // bench: the JMH benchmarks
    requires ssi.web;                       // web: the live web view
    requires java.management;               // bench: the heap many guests take
    requires jdk.management;                // bench program: the process's CPU time beside its wall time
    requires org.jline;                     // line editing, history, completion
    requires info.picocli;                  // command and option parsing
    requires com.fasterxml.jackson.databind; // --json output
    opens ssi.shell to info.picocli, com.fasterxml.jackson.databind; // picocli fills the commands' fields; --json writes records
}
