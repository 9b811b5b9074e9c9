package ssi.api;

/**
 * What a node is made of.
 *
 * @param id the node's number, from 1
 * @param speed CPU speed relative to the standard processor (1.0)
 * @param memory memory in bytes
 */
public record NodeSpec(int id, String name, double speed, int cpus, long memory) {}
