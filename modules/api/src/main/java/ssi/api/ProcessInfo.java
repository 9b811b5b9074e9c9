package ssi.api;

/**
 * A snapshot of one process.
 *
 * @param home the node of its deputy (its unique home node)
 * @param where the node it runs on
 * @param cpuSeconds virtual CPU time it has used, in seconds of the standard processor
 */
public record ProcessInfo(int pid, int ppid, int home, int where, ProcessState state, double cpuSeconds, String command) {}
