package ssi.kernel;

import java.util.List;
import java.util.Map;
import ssi.api.Link;

/**
 * A cluster as the manifest gives it ({@code [[cluster]]}): its nodes, its owner, whether it is
 * connected to the multi-cluster at boot, its priority for each other cluster (by name; 1 to
 * 65535, a lower number a higher priority; absent: it takes none of that cluster's processes), and
 * the network that joins it to the others (a message between two clusters crosses both uplinks).
 *
 * @param nodes its nodes' ids, in order
 * @param linux a plain Linux entity: a MOSRC target only, outside the multi-cluster
 */
public record ClusterSpec(String name, String owner, List<Integer> nodes, boolean connected, boolean linux,
                          Map<String, Integer> priorities, Link uplink) {}
