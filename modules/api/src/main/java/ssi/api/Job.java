package ssi.api;

/**
 * A job of the queue ({@code mosrun -q}, {@code mosq}): MOSIX2's queue holds it until the cluster
 * has room, then starts it as {@code mosrun} would.
 *
 * @param id its job number, from 1 in the order jobs were queued
 * @param priority a lower number is a higher priority; among equals, first come first served
 * @param submitted virtual time it was queued, in nanoseconds
 * @param state {@code queued}, {@code running}, {@code done}, or {@code failed: WHY}
 * @param pid its process once started, else 0
 */
public record Job(int id, int priority, long submitted, String state, int pid, String command) {}
