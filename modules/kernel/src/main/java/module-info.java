/**
 * The cluster's one authority, composing the subsystems: the virtual clock and the quantum's
 * phases, the process table and nodes, the system-call dispatcher, the boot of an image, the trace.
 */
module ssi.kernel {
    requires transitive ssi.api;               // snapshots and Signal in the kernel's API
    requires ssi.scheduler;                    // CPU sharing, load information, balancing (through BalancerPort)
    requires ssi.migration;                    // migration, the deputy, checkpoints (through MigrationPort)
    requires ssi.ipc;                          // pipes, messages, signals, shared memory (through IpcPort)
    requires transitive ssi.mfs;               // the namespace (in the kernel's API: files())
    requires ssi.guest;                        // guest programs as processes, and the system-call interface
    requires transitive ssi.synthetic;         // synthetic processes (Demand is in the kernel's API: spawnSynthetic)
    requires ssi.procfs;                       // the /proc files, mounted in the namespace
    requires java.management;                  // the heap guard: how full the JVM's heap is
    requires com.fasterxml.jackson.dataformat.toml; // image manifests
    requires com.fasterxml.jackson.databind;   // a manifest's tree, and a generated one
    exports ssi.kernel;                        // Kernel, Image, RunOptions, Policies; the parts stay package-private
    uses ssi.api.PolicyProvider;               // policy plugins on the module path
}
