package ssi.guest;

/** Why a guest slice ended, and how much work it did. */
public sealed interface Yield {
    /** Work units spent in the slice. */
    long work();

    /** The slice's budget is spent; {@code forced} when the thread had to be stopped at a safepoint. */
    record BudgetSpent(long work, boolean forced) implements Yield {}

    /** The guest made a system call that the kernel must answer. */
    record Trapped(long work, Syscall call) implements Yield {}

    /** The program ended; {@code error} is what it printed on its way out (a syntax error, an uncaught exception), or empty. */
    record Exited(long work, int status, String error) implements Yield {}
}
