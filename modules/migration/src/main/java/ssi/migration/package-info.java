/**
 * The migration mechanism: a move's steps (Migrations: freeze, the destination's reservation,
 * the transfer of dirty pages, resume or roll back) and its cost model (TransferCost), the
 * constraints that confine a process home (CantMove), emulated address spaces (AddressSpace), the
 * deputy that serves an away process's site-dependent calls at home (Deputy), and checkpoints
 * ({@code mosrun -C}, {@code -R}).
 * <p>
 * Owns: a move in flight and the history of ended ones, each deputy's call and CPU time. May not
 * touch: the kernel's process table, nodes or clock except through {@link ssi.migration.Migrant}
 * and {@link ssi.migration.Migrations.Host}; where a process should go (the balancer's or the user's choice).
 */
package ssi.migration;
