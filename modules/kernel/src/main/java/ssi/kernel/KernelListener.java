package ssi.kernel;

/** What the kernel tells its front end as virtual time passes. Called on the kernel's thread. */
public interface KernelListener {
    /** A process wrote to its terminal. */
    default void output(Output output) {}

    /** A process exited (or was killed) and nobody waits for it: its status is final. */
    default void exited(int pid, String command, int status, long time) {}
}
