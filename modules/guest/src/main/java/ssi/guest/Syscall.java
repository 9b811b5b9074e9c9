package ssi.guest;

import java.util.List;

/** A system call that the guest cannot complete on its own: the kernel orders and answers it. */
public sealed interface Syscall {
    /**
     * Starts a child process running the program at {@code path}; answered with its pid. The child
     * gets the pipe ends given: {@code stdin} and {@code stdout} (0 for none) and {@code ends}, by
     * the descriptor numbers they will have in the child; it starts in the caller's working
     * directory {@code cwd}, against which a relative {@code path} is found too.
     */
    record Spawn(String path, List<String> args, int stdin, int stdout, java.util.Map<Integer, Integer> ends, String cwd) implements Syscall {
        public Spawn(String path, List<String> args) {
            this(path, args, 0, 0, java.util.Map.of(), "/");
        }
    }

    /** Waits for a child to exit; answered with a {@link ChildExit}. */
    record Wait(int pid) implements Syscall {}

    /** Sleeps for a span of virtual time; answered with nothing. */
    record Sleep(double seconds) implements Syscall {}

    /** Ends the process with a status; never answered. */
    record Exit(int status) implements Syscall {}

    /** Terminal output that {@link SystemCalls#output} could not complete locally (the process is away from home). */
    record Write(boolean stderr, byte[] bytes) implements Syscall {}

    /** Allocates emulated memory on the process's node; answered with a block handle. */
    record Alloc(long bytes) implements Syscall {}

    /** Frees a block of emulated memory; answered with nothing. */
    record Free(int handle) implements Syscall {}

    /** Moves the process to a node (by id or name) or {@code home}; answered with the node it now runs on. */
    record Migrate(String target) implements Syscall {}

    /** Gets (creating if needed) a SysV shared-memory segment; answered with its id. */
    record ShmGet(int key, long bytes) implements Syscall {}

    /** Attaches a shared-memory segment; answered with nothing. */
    record ShmAt(int id) implements Syscall {}

    /** A file operation, carried out by the kernel in virtual-time order; answered with its result or the IOException it threw. */
    record File(ssi.mfs.FileCall call) implements Syscall {}

    /** Detaches a shared-memory segment; answered with nothing. */
    record ShmDt(int id) implements Syscall {}

    /** Reads bytes of an attached shared-memory segment; answered with them. */
    record ShmRead(int id, int offset, int length) implements Syscall {}

    /** Writes bytes into an attached shared-memory segment; answered with nothing. */
    record ShmWrite(int id, int offset, byte[] bytes) implements Syscall {}

    /** Makes a pipe; answered with its two ends, {@code int[] {read, write}}. */
    record Pipe() implements Syscall {}

    /** Reads up to {@code max} bytes from a pipe end, waiting for some; answered with them (none at the end of the data). */
    record PipeRead(int end, int max) implements Syscall {}

    /** Writes bytes to a pipe end, waiting for room; answered with how many it wrote. */
    record PipeWrite(int end, byte[] bytes) implements Syscall {}

    /** Closes a pipe end; answered with nothing. */
    record PipeClose(int end) implements Syscall {}

    /** Sends a message to a process; answered with nothing once it has left. */
    record Send(int pid, byte[] data) implements Syscall {}

    /** Waits up to {@code timeout} seconds (forever if negative) for a message; answered with a {@link Received} or null. */
    record Recv(double timeout) implements Syscall {}

    /** Sends a signal (by number) to a process; answered with nothing. */
    record Kill(int pid, int signal) implements Syscall {}

    /** A synthetic process's call to its home (I/O or IPC of a demand model): its deputy serves it, carrying {@code bytes}. */
    record Demand(int bytes) implements Syscall {}
}
