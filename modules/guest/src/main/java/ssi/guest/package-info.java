/**
 * Guest programs (JavaScript, Python) run in GraalVM contexts as preemptible, metered processes
 * (GuestRuntime, GuestProcess, SsiBinding), and the system-call interface between a process and
 * the kernel: the calls (Syscall), how a slice ends (Yield), the answers and their timing (Answer,
 * ChildExit, Received, Signalled, SyscallException, Errno), and the local calls (SystemCalls).
 * <p>
 * Owns: contexts, guest threads, the work meter. May not touch: the kernel's state; a guest reaches
 * the cluster only through its SystemCalls and the system calls it traps.
 */
package ssi.guest;
