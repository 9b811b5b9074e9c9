package ssi.guest;

/**
 * The kernel's side of one process's local system calls: those a guest completes at once,
 * on its own thread, without being ordered against other processes. Must be safe to call from
 * the guest's thread while the kernel waits for the slice to end.
 */
public interface SystemCalls {
    /** The process's pid: its home pid, wherever it runs. */
    int getpid();

    int getppid();

    /** The node the process runs on now. */
    int where();

    /** Virtual time, in seconds, after {@code workInSlice} units of the current slice. */
    double time(long workInSlice);

    /**
     * Text the process wrote to its terminal (stdout or stderr) after {@code workInSlice} units.
     *
     * @return false if the write is site-dependent here (the process is away from home): the guest
     *     then traps it as {@link Syscall.Write} for the kernel to forward to its deputy
     */
    boolean output(boolean stderr, byte[] bytes, long workInSlice);

    /** The host heap its context may hold before the kernel kills it (0: no limit said). */
    default long heapLimitBytes() {
        return 0;
    }

    /** The node the process runs on now, as its programs may see it. */
    default NodeFacts node() {
        return new NodeFacts("node" + where(), 1.0, 1, 0, 0, 0);
    }

    /** Locks the process against migration, or unlocks it. */
    void lock(boolean locked);

    /**
     * The files the process sees (the cluster's namespace); by default none.
     *
     * @param gate where its file operations must go: to the kernel, as {@link Syscall.File} calls
     */
    default org.graalvm.polyglot.io.FileSystem fileSystem(ssi.mfs.FileGate gate) {
        return org.graalvm.polyglot.io.FileSystem.newDenyIOFileSystem();
    }

    /** Dirties the pages of a memory block under {@code length} bytes from {@code offset} (to its end if negative). */
    void touch(int handle, long offset, long length);

    /** The pipe ends the process was started with, by descriptor (0 its stdin, 1 its stdout, others passed). */
    default java.util.Map<Integer, Integer> ends() {
        return java.util.Map.of();
    }

    /** Whether the process catches {@code signal} with a handler of its own (false: the signal's default action). */
    default void catches(int signal, boolean caught) {}

    /** Asks for direct communication: messages between two processes that both ask go straight between their nodes. */
    default void direct(boolean on) {}

    /** The state the program wants its next checkpoint to hold ({@code mosrun -C}): what it needs to go on after a recovery. */
    default void checkpoint(String state) {}

    /** The state of the checkpoint this process was recovered from ({@code mosrun -R}), or null if it starts afresh. */
    default String restored() {
        return null;
    }
}
