package ssi.api;

/**
 * A snapshot of one process.
 *
 * @param home the node of its deputy (its unique home node, UHN)
 * @param where the node its user context runs on; its deputy stays at {@code home}
 * @param cpuSeconds virtual CPU time it has used, on the nodes it ran on
 * @param work work units it has done (guest statements), wherever it ran
 * @param deputySeconds virtual CPU time its deputy used at home serving its forwarded system calls
 * @param forwarded system calls forwarded to its deputy so far
 * @param memory emulated memory in bytes (program, runtime and allocations)
 * @param heap the host heap its guest context held at the last measurement (see the image's heap
 *     guard), in bytes; -1 before the first, 0 for a synthetic process. The one host-dependent figure.
 * @param dirty bytes written since its last migration (what the next one must send)
 * @param nmigs migrations completed
 * @param locked locked against migration ({@code mosrun -h/-L}, {@code ssi.lock})
 * @param cantmove why it cannot move at all, in openMosix's words ({@code monkey}, ...), or empty
 * @param owner the user it runs as
 */
public record ProcessInfo(int pid, int ppid, int home, int where, ProcessState state, double cpuSeconds, long work,
                          double deputySeconds, long forwarded, long memory, long heap, long dirty, int nmigs,
                          boolean locked, String cantmove, String command, String owner) {

    /** True while the process runs away from its home node, served by its deputy there. */
    public boolean away() {
        return where != home;
    }
}
