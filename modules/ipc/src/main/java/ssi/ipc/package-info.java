/**
 * Interprocess communication in virtual-time order: pipes (Pipes, Pipe), messages (Messages,
 * Mailbox), signals (Signals) and SysV shared memory (SharedMemory), behind Ipc; each process's
 * IPC state (IpcState) and the call it is blocked in (Wait).
 * <p>
 * Owns: pipe ends, mailboxes, segments, signals on their way. May not touch: the kernel's
 * processes or clock except through {@link ssi.ipc.Party} and {@link ssi.ipc.Ipc.Host}; a
 * process's migration (confinement to home is the kernel's and the migration module's).
 */
package ssi.ipc;
