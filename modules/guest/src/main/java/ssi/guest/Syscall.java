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
}
