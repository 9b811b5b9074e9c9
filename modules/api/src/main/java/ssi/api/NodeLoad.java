package ssi.api;

/**
 * What a node knows of another node (or of itself): an entry of its information window.
 *
 * @param load the exported load index: runnable processes per standard processor, smoothed
 * @param freeMemory bytes free when the entry was made
 * @param memory the node's total memory in bytes
 * @param age how old the information is, in virtual nanoseconds (0 for the node's own entry)
 */
public record NodeLoad(int node, double speed, int cpus, double load, long freeMemory, long memory, long age) {}
