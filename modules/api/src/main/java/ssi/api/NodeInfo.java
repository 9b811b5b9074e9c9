package ssi.api;

/**
 * A snapshot of one node.
 *
 * @param load runnable processes per standard-processor CPU, over the last quantum
 * @param processes processes running there
 */
public record NodeInfo(NodeSpec spec, double load, int processes) {}
