/** The cluster: nodes, process table, virtual clock, system calls, and the boot of an image. */
module ssi.kernel {
    requires transitive ssi.api;               // snapshots in the kernel's API
    requires ssi.scheduler;                    // per-node CPU sharing
    requires ssi.migration;                    // address spaces, transfer cost, constraints
    requires transitive ssi.mfs;               // the namespace (in the kernel's API: files())
    requires ssi.guest;                        // guest programs as processes
    requires transitive ssi.synthetic;         // synthetic processes (Demand is in the kernel's API: spawnSynthetic)
    requires ssi.procfs;                       // the /proc files, mounted in the namespace
    requires java.management;                  // the heap guard: how full the JVM's heap is
    requires ssi.ipc;                          // pipes, mailboxes, signals, shared memory
    requires com.fasterxml.jackson.dataformat.toml; // image manifests
    requires com.fasterxml.jackson.databind;
    exports ssi.kernel;
    uses ssi.api.PolicyProvider;               // policy plugins on the module path
}
