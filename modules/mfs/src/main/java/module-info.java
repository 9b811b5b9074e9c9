/** The cluster's one file namespace, stored durably on the host, and served to guests as a polyglot file system. */
module ssi.mfs {
    requires transitive org.graalvm.polyglot; // GuestFileSystem is a polyglot FileSystem
    exports ssi.mfs;                          // to the kernel, procfs (its files) and guest (file calls as system calls)
}
