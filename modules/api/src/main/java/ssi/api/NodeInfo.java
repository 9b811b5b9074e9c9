package ssi.api;

/**
 * A snapshot of one node.
 *
 * @param load runnable processes (deputies with work included) per standard-processor CPU, now
 * @param loadIndex the node's smoothed load index (MOSIX's local value), as of the last period
 * @param processes processes running there
 * @param deputies deputies kept there for its processes that run elsewhere
 * @param served system calls its deputies have served for processes away, since boot
 * @param freeMemory bytes not used or reserved by processes
 * @param diskUsed bytes its files take on its disk
 */
public record NodeInfo(NodeSpec spec, double load, double loadIndex, int processes, int deputies, long served, long freeMemory, long diskUsed) {}
