package ssi.guest;

import java.util.List;

/** A system call that the guest cannot complete on its own: the kernel orders and answers it. */
public sealed interface Syscall {
    /** Starts a child process running the program at {@code path}; answered with its pid. */
    record Spawn(String path, List<String> args) implements Syscall {}

    /** Waits for a child to exit; answered with its exit status. */
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
}
