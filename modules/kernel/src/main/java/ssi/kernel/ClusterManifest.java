package ssi.kernel;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import ssi.api.Link;
import ssi.api.NodeSpec;

/**
 * Reads a manifest's {@code [[cluster]]} tables (MOSIX2's multi-cluster): each names its nodes, and
 * together they hold every node once. Without any, the image is one cluster named after it, which
 * its network joins to nothing else.
 */
final class ClusterManifest {
    static final Image.Bound PRIORITY = new Image.Bound(1, 65_535);
    private static final Set<String> FIELDS = Set.of("name", "owner", "nodes", "connected", "kind", "priority", "latency_us", "bandwidth_mbit");

    private ClusterManifest() {}

    /** The clusters of a manifest whose nodes are {@code nodes}; its one cluster, named {@code image}, if it gives none. */
    static List<ClusterSpec> read(ManifestFields f, JsonNode root, String image, List<NodeSpec> nodes, Link network) throws ImageException {
        JsonNode list = root.get("cluster");
        if (list == null) {
            return List.of(new ClusterSpec(image, "root", nodes.stream().map(NodeSpec::id).toList(), true, false, Map.of(), network));
        }
        if (!list.isArray()) {
            throw f.bad("cluster", "write [[cluster]] (one table per cluster, in an array), not [cluster]");
        }
        Map<String, Integer> nodeIds = new HashMap<>();
        nodes.forEach(n -> nodeIds.put(n.name(), n.id()));
        Map<String, Integer> names = new LinkedHashMap<>();
        Map<Integer, String> owner = new HashMap<>(); // node id -> its cluster's name
        List<ClusterSpec> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode c = list.get(i);
            String at = "cluster[" + (i + 1) + "]";
            if (!c.isObject()) {
                throw f.bad(at, "must be a table");
            }
            f.only(c, at + ".", FIELDS);
            String name = f.text(c, at + ".name", null);
            if (!Image.nodeName(name)) {
                throw f.bad(at + ".name", "a cluster's name is a letter, then up to 31 letters, digits, _ or -, got '" + name + "'");
            }
            if (names.putIfAbsent(name, i + 1) != null) {
                throw f.bad(at + ".name", "'" + name + "' is the name of cluster[" + names.get(name) + "] too: each cluster needs a name of its own");
            }
            JsonNode members = c.get("nodes");
            if (members == null || !members.isArray() || members.isEmpty()) {
                throw f.bad(at + ".nodes", "cluster '" + name + "' needs its nodes, as a list of node names: nodes = [\"n1\", \"n2\"]");
            }
            List<Integer> ids = new ArrayList<>();
            for (JsonNode m : members) {
                Integer id = m.isTextual() ? nodeIds.get(m.asText()) : null;
                if (id == null) {
                    throw f.bad(at + ".nodes", "cluster '" + name + "' names " + (m.isTextual() ? "'" + m.asText() + "'" : m.toString())
                            + ", which is no [[node]]'s name");
                }
                String before = owner.putIfAbsent(id, name);
                if (before != null) {
                    throw f.bad(at + ".nodes", "node '" + m.asText() + "' is in cluster '" + before + "' and in cluster '" + name
                            + "': clusters must not overlap");
                }
                ids.add(id);
            }
            String kind = f.text(c, at + ".kind", "mosix");
            if (!kind.equals("mosix") && !kind.equals("linux")) {
                throw f.bad(at + ".kind", "cluster '" + name + "': a kind is \"mosix\" (a MOSIX cluster) or \"linux\" (plain Linux servers, MOSRC's targets), got '" + kind + "'");
            }
            Link uplink = new Link(Math.round(f.number(c, at + ".latency_us", network.latencyNanos() / 1e3, Image.LATENCY_US) * 1e3),
                    f.number(c, at + ".bandwidth_mbit", network.bandwidth() / 1e6, Image.BANDWIDTH_MBIT) * 1e6);
            out.add(new ClusterSpec(name, f.text(c, at + ".owner", name), List.copyOf(ids), f.bool(c, at + ".connected", true),
                    kind.equals("linux"), priorities(f, c, at, name), uplink));
        }
        for (NodeSpec n : nodes) {
            if (!owner.containsKey(n.id())) {
                throw f.bad("cluster", "node '" + n.name() + "' is in no cluster: when [[cluster]] tables are given, every node belongs to one");
            }
        }
        for (int i = 0; i < out.size(); i++) {
            for (String other : out.get(i).priorities().keySet()) {
                if (!names.containsKey(other)) {
                    throw f.bad("cluster[" + (i + 1) + "].priority", "cluster '" + out.get(i).name() + "' gives a priority to '" + other
                            + "', which is no cluster (clusters: " + String.join(", ", names.keySet()) + ")");
                }
                if (other.equals(out.get(i).name())) {
                    throw f.bad("cluster[" + (i + 1) + "].priority", "cluster '" + other
                            + "' gives a priority to itself: its own processes always come first");
                }
            }
        }
        return List.copyOf(out);
    }

    private static Map<String, Integer> priorities(ManifestFields f, JsonNode c, String at, String name) throws ImageException {
        JsonNode table = c.get("priority");
        if (table == null) {
            return Map.of();
        }
        if (!table.isObject()) {
            throw f.bad(at + ".priority", "cluster '" + name + "': write priority = { other = N, ... } (1-65535, lower is higher)");
        }
        Map<String, Integer> out = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = table.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode v = e.getValue();
            if (!v.isIntegralNumber() || !PRIORITY.holds(v.asDouble())) {
                throw f.bad(at + ".priority", "cluster '" + name + "': the priority for '" + e.getKey() + "' must be a whole number "
                        + PRIORITY.describe() + " (lower is higher), got " + v);
            }
            out.put(e.getKey(), v.asInt());
        }
        return Map.copyOf(out);
    }
}
