package ssi.api;

import java.util.List;
import java.util.Map;

/**
 * One cluster of a MOSIX2 multi-cluster as it is now: a named group of nodes with an owner, which
 * may be connected to the others or not, and its priority for each other cluster's processes
 * (MOSIX2: a lower number is a higher priority; its own processes always come first; a cluster
 * it gives no priority may not send it processes). A one-cluster image has one, named after it.
 *
 * @param nodes its nodes' ids, in order
 * @param linux a plain Linux entity (MOSRC's target only): no MOSIX process migrates to or from it
 * @param priorities its priority for each other cluster's processes, by name (absent: not taken)
 * @param guests processes of other clusters running on its nodes now
 * @param away its own processes running on other clusters' nodes now
 */
public record ClusterInfo(String name, String owner, List<Integer> nodes, boolean connected, boolean linux,
                          Map<String, Integer> priorities, int guests, int away) {}
