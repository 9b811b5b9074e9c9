package ssi.api;

/**
 * What a node is made of.
 *
 * @param id the node's number, from 1
 * @param speed CPU speed relative to the standard processor (1.0)
 * @param memory memory in bytes
 * @param disk the size of its disk, which holds its files ({@code /mfs/<id>}), in bytes
 * @param nomfs its files are out of reach of other nodes, and theirs of its processes (MOSIX's {@code nomfs})
 */
public record NodeSpec(int id, String name, double speed, int cpus, long memory, long disk, boolean nomfs) {}
