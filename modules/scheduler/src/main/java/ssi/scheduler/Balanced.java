package ssi.scheduler;

import ssi.api.ProcessView;

/** A process as load balancing reads it: where it runs, since when, what it uses; the process is the kernel's. */
public interface Balanced {
    int pid();

    /** The node it started at. */
    int home();

    /** The node it runs on now. */
    int where();

    boolean alive();

    /** It wants a CPU: it runs, and is not frozen by a migration. */
    boolean wantsCpu();

    /** A migration of it is in flight. */
    boolean moving();

    /** When it came to the node it runs on. */
    long arrived();

    /** The node it left last, 0 if none. */
    int cameFrom();

    /** Its memory, in bytes. */
    long memoryBytes();

    /** Its recent use of the CPU, I/O and IPC, decayed every period. */
    Usage usage();

    /** I/O calls it made in all, wherever they ran. */
    long ioCalls();

    /** What a policy sees of it at {@code t}. */
    ProcessView view(long t);
}
