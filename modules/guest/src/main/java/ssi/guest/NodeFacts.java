package ssi.guest;

/**
 * A node as its guests may see it ({@code os.hostname()}, {@code os.cpus()}, Python's
 * {@code platform.node()}): ssi's emulated node, never the host.
 *
 * @param load the node's load index
 */
public record NodeFacts(String name, double speed, int cpus, long memoryBytes, long freeBytes, double load) {}
