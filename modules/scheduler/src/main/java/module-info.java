/** Per-node CPU sharing: how a quantum of a node's CPUs is divided among its runnable processes. */
module ssi.scheduler {
    exports ssi.scheduler;
}
