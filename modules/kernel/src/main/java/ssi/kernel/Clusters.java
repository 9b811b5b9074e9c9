package ssi.kernel;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import ssi.api.ClusterInfo;
import ssi.api.ClusterView;
import ssi.api.Link;

/**
 * The clusters of a MOSIX2 multi-cluster as they are now, and the owners' rules: which node is in
 * which cluster, which clusters are connected, and each cluster's priority for every other's
 * processes. A process runs freely within its home cluster (local processes always come first);
 * on another cluster only while both are connected and that cluster's owner gives its cluster a
 * priority (a lower number is a higher priority). A one-cluster image has one cluster and no rule
 * ever forbids anything: its traces are those of a plain MOSIX cluster.
 */
final class Clusters {
    private final List<String> names = new ArrayList<>();
    private final List<String> owners = new ArrayList<>();
    private final List<Link> uplinks = new ArrayList<>();
    private final boolean[] linux;
    private final boolean[] connected;
    private final int[][] priority; // [cluster][other]: the cluster's priority for other's processes, 0 for none
    private int[] of;               // by node id: its cluster's index

    Clusters(Image image) {
        List<ClusterSpec> specs = image.clusters();
        int n = specs.size();
        linux = new boolean[n];
        connected = new boolean[n];
        priority = new int[n][n];
        of = new int[image.nodes().size() + 1];
        for (int c = 0; c < n; c++) {
            ClusterSpec s = specs.get(c);
            names.add(s.name());
            owners.add(s.owner());
            uplinks.add(s.uplink());
            linux[c] = s.linux();
            connected[c] = s.connected() && !s.linux();
            s.nodes().forEach(node -> of[node] = names.size() - 1);
        }
        for (int c = 0; c < n; c++) {
            for (Map.Entry<String, Integer> e : specs.get(c).priorities().entrySet()) {
                priority[c][names.indexOf(e.getKey())] = e.getValue();
            }
        }
    }

    /** Whether the image has several clusters: only then does any rule of this class forbid or evict anything. */
    boolean several() {
        return names.size() > 1;
    }

    /** A node joined: it is in the first cluster. */
    void grow(int node) {
        of = Arrays.copyOf(of, Math.max(of.length, node + 1));
        of[node] = 0;
    }

    /** The index of a node's cluster. */
    int of(int node) {
        return of[node];
    }

    String name(int cluster) {
        return names.get(cluster);
    }

    /** The index of the cluster called {@code name}; refused, naming the clusters, if there is none. */
    int named(String name) throws KernelException {
        int c = names.indexOf(name.strip());
        if (c < 0) {
            throw new KernelException("no cluster '" + name.strip() + "' (clusters: " + String.join(", ", names) + ")");
        }
        return c;
    }

    boolean linux(int cluster) {
        return linux[cluster];
    }

    boolean connected(int cluster) {
        return connected[cluster];
    }

    /** See {@link ClusterView#priority}: 0 at home's cluster, the owner's priority elsewhere, or {@link ClusterView#FORBIDDEN}. */
    int priority(int home, int node) {
        int h = of[home], n = of[node];
        if (h == n) {
            return linux[n] && home != node ? ClusterView.FORBIDDEN : 0; // plain Linux servers migrate nothing
        }
        return connected[h] && connected[n] && priority[n][h] > 0 ? priority[n][h] : ClusterView.FORBIDDEN;
    }

    /** Whether a process of home {@code home} may run at {@code node}. */
    boolean mayRun(int home, int node) {
        return priority(home, node) != ClusterView.FORBIDDEN;
    }

    /** Whether load information flows from node {@code from} to node {@code to}: within a cluster, or between connected ones. */
    boolean reaches(int from, int to) {
        int a = of[from], b = of[to];
        return a == b || connected[a] && connected[b];
    }

    /** The network between two nodes: the image's within a cluster; across both uplinks between clusters. */
    Link link(Link within, int from, int to) {
        int a = of[from], b = of[to];
        if (a == b) {
            return within;
        }
        Link x = uplinks.get(a), y = uplinks.get(b);
        return new Link(x.latencyNanos() + y.latencyNanos(), Math.min(x.bandwidth(), y.bandwidth()));
    }

    void connect(int cluster, boolean on) {
        connected[cluster] = on;
    }

    /** Sets a cluster's priority for another's processes: 1 to 65535 (lower is higher), or 0 for none. */
    void setPriority(int cluster, int other, int value) {
        priority[cluster][other] = value;
    }

    /** Each cluster as it is now; {@code where} and {@code home} give each live process's nodes. */
    List<ClusterInfo> infos(List<int[]> whereAndHome) {
        List<ClusterInfo> out = new ArrayList<>();
        for (int c = 0; c < names.size(); c++) {
            List<Integer> nodes = new ArrayList<>();
            for (int node = 1; node < of.length; node++) {
                if (of[node] == c) {
                    nodes.add(node);
                }
            }
            Map<String, Integer> given = new TreeMap<>();
            for (int o = 0; o < names.size(); o++) {
                if (priority[c][o] > 0) {
                    given.put(names.get(o), priority[c][o]);
                }
            }
            int guests = 0, away = 0;
            for (int[] wh : whereAndHome) {
                guests += of[wh[0]] == c && of[wh[1]] != c ? 1 : 0;
                away += of[wh[1]] == c && of[wh[0]] != c ? 1 : 0;
            }
            out.add(new ClusterInfo(names.get(c), owners.get(c), List.copyOf(nodes), connected[c], linux[c], Map.copyOf(given), guests, away));
        }
        return out;
    }
}
