package ssi.api;

/**
 * What a policy sees of one of its node's processes.
 *
 * @param memory emulated memory in bytes
 * @param dirty bytes a migration would have to send now
 * @param cpu the fraction of the time it wanted a CPU recently (0-1), decayed: 1 for a CPU-bound process,
 *     however many processes share its CPU
 * @param io I/O system calls (terminal writes; files once the file system comes) per virtual second, decayed,
 *     wherever they ran
 * @param ipc bytes of messages per virtual second, decayed (0 until the IPC subsystem)
 * @param age virtual nanoseconds since it was created
 * @param resident virtual nanoseconds since it arrived at this node
 * @param movable false if a constraint or a lock keeps it here
 * @param hint what {@code mosrun -c} or {@code -i} said of it: {@code cpu}, {@code io}, or empty
 */
public record ProcessView(int pid, int home, int where, long memory, long dirty, double cpu, double io, double ipc,
                          long age, long resident, int nmigs, boolean movable, String hint) {}
