/** The objects of interprocess communication: pipes, mailboxes, signals, shared-memory segments. The kernel orders their use in virtual time. */
module ssi.ipc {
    exports ssi.ipc;
}
