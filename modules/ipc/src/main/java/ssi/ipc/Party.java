package ssi.ipc;

/** What IPC reads of a process, and the two things it does to one; the process is the kernel's. */
public interface Party {
    int pid();

    /** The node it started at, where its deputy answers its calls while it is away. */
    int home();

    /** The node it runs on now. */
    int where();

    boolean alive();

    /** The user it runs as. */
    String owner();

    /** Whether it may signal {@code other}: the same owner, or it is privileged. */
    boolean mayAlter(Party other);

    /** Its pipe ends, mailbox, the call it waits in and its signals. */
    IpcState ipc();

    /** Counts bytes of IPC that crossed to {@code node}, for what policies see of it. */
    void countIpc(int node, long bytes);

    /** It waits in a call: no CPU until the call is answered. */
    void block();
}
