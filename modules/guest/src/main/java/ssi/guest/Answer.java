package ssi.guest;

/**
 * How the kernel times its answer to a system call: any object (null included) is the answer now;
 * these say later, after kernel work, or when whatever the call waits for unblocks it.
 */
public final class Answer {
    /** The call blocked, froze or ended its process: whoever unblocks it answers later. */
    public static final Object BLOCKED = new Object();

    /** An answer that reaches the process only at {@code at} (a file operation served by another node, an IPC call). */
    public record Later(Object answer, long at) {}

    /** An answer the kernel gives after computing {@code units} of work in the process's own time (a refused spawn). */
    public record Work(Object answer, long units) {}

    private Answer() {}
}
