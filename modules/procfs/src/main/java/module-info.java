/** The cluster's /proc files: nodes, the admin switches of a node, and processes, read and written as text. */
module ssi.procfs {
    requires transitive ssi.api; // ProcSource speaks in the API's snapshots
    requires transitive ssi.mfs; // ProcFs serves the namespace's ProcFiles
    exports ssi.procfs;          // to the kernel, which mounts it and is its ProcSource
}
