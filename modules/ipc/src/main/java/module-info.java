/** Interprocess communication: pipes, messages, signals and shared memory, carried out in virtual-time order for the kernel. */
module ssi.ipc {
    requires transitive ssi.api;   // Signal and Link appear in Ipc's API
    requires transitive ssi.guest; // the system calls it carries out, and their answers
    exports ssi.ipc;               // to the kernel, which drives it through Ipc.Host
}
