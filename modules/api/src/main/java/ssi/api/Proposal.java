package ssi.api;

/**
 * A migration a policy proposes: the kernel disposes (constraints, locks, residence, limits,
 * the destination's memory) and carries out the ones it accepts.
 *
 * @param why a short reason, shown in the trace ({@code balance}, {@code usher}, ...)
 */
public record Proposal(int pid, int node, String why) {}
