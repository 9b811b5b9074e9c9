/**
 * The cluster's one authority, which composes the subsystems. Public: the kernel's API (Kernel),
 * images and their boot (Image, ImageGenerator, Policies), and what the front end passes and hears
 * (RunOptions, KernelListener, Output, Pace, Durations). Package-private, one class per part: the
 * clock and the quantum's phases (Quantum, Slices, Cruises, Task), the process table (Processes,
 * Proc, Launcher), the nodes (Nodes, Admin), the system-call dispatcher (Dispatcher, LocalCalls),
 * faults (Faults), operator requests (Operator), the trace (Trace), and one port per subsystem
 * (IpcPort, MigrationPort, BalancerPort) through which it reaches the kernel.
 * <p>
 * Owns: processes, nodes, virtual time and the order of events. May not touch: a subsystem's
 * internals; each is driven through its exported interface (Ipc, Migrations, Balancer).
 */
package ssi.kernel;
