package ssi.kernel;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Optional;
import java.util.Set;
import ssi.api.Link;
import ssi.api.NodeSpec;

/**
 * A bootable cluster image: {@code manifest.toml} (nodes, network, clock, seed) and a root tree
 * of guest programs and data ({@code root/bin/*.js}, ...).
 *
 * @param workRate work units per virtual second of the standard processor (speed 1.0)
 * @param bandwidth network bandwidth in bits per second
 * @param pageBytes the size of an emulated memory page
 * @param processBytes a process's memory besides its program and what it allocates (its runtime)
 * @param migrationFixedNanos the fixed part of a migration's transfer
 * @param deputyWork work units the deputy spends at home on each forwarded system call (and a node
 *     on each file request it serves for another node, and a process on each spawn the kernel refuses)
 * @param fileCallNanos the time of one file operation at the node holding the file, besides its bytes
 * @param diskBandwidth bytes per second a node's disk reads or writes
 * @param ipcCallNanos the time of one IPC call (pipe, message, signal) at the node that serves it
 * @param balancing the default policy and the information and balancing tunables
 * @param heapGuard the host heap a guest process may hold, and how often it is measured
 * @param maxProcesses the guest processes one user may have at once (alive, or ended and not yet waited for), as {@code ulimit -u}
 */
public record Image(String name, Path dir, List<NodeSpec> nodes, long seed, long quantumNanos,
                    double workRate, long latencyNanos, double bandwidth, int pageBytes, long processBytes,
                    long migrationFixedNanos, long deputyWork, long fileCallNanos, double diskBandwidth, long ipcCallNanos,
                    Balancing balancing, HeapGuard heapGuard, int maxProcesses) {

    /**
     * The guard against a guest that allocates without bound: every {@code checkNanos} of virtual
     * time, when the JVM's heap is more than {@code pressurePercent} full, each guest's context is
     * measured (a walk of its objects: not done while the heap has room), and one holding more than
     * {@code limitBytes} of host heap is killed with an out-of-memory error before the JVM is in danger.
     */
    public record HeapGuard(long limitBytes, long checkNanos, int pressurePercent) {}

    /**
     * How the cluster shares load.
     *
     * @param policy the policy plugin's name, or {@code none} (no automatic migration)
     * @param periodNanos the information period: load sampling, gossip and balancing
     * @param window entries in each node's information window
     * @param minResidenceNanos how long a process stays on a node before a policy may move it again
     * @param settings the policy's own settings
     */
    public record Balancing(String policy, long periodNanos, int window, long minResidenceNanos, Map<String, String> settings) {}

    public static final String MANIFEST = "manifest.toml";
    /** The largest per-user process limit an image or an administrator may set. */
    public static final int MAX_PROCESSES = 1_000_000;

    /** Loads an image from its directory, checking every field. */
    public static Image load(Path dir) throws ImageException {
        Path file = dir.resolve(MANIFEST);
        if (!Files.isRegularFile(file)) {
            throw new ImageException(file + ": no image manifest here");
        }
        JsonNode root;
        try {
            root = new TomlMapper().readTree(file.toFile());
        } catch (JacksonException e) {
            throw new ImageException(file + ": not valid TOML: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")"));
        } catch (IOException e) {
            throw new ImageException(file + ": cannot read: " + e.getMessage());
        }
        Fields f = new Fields(file);
        f.only(root, "", Set.of("name", "description", "seed", "clock", "network", "memory", "migration", "files", "ipc", "balancing", "limits", "node"));
        String name = f.text(root, "name", dir.getFileName().toString());
        long seed = f.integer(root, "seed", 1, Long.MIN_VALUE);
        JsonNode clock = f.table(root, "clock");
        f.only(clock, "clock.", Set.of("quantum_ms", "work_rate"));
        double quantumMs = f.number(clock, "clock.quantum_ms", 10, 0.01);
        double workRate = f.number(clock, "clock.work_rate", 4_000_000, 1);
        JsonNode net = f.table(root, "network");
        f.only(net, "network.", Set.of("latency_us", "bandwidth_mbit"));
        double latencyUs = f.number(net, "network.latency_us", 100, 0);
        double bandwidthMbit = f.number(net, "network.bandwidth_mbit", 100, 0.001);
        JsonNode memory = f.table(root, "memory");
        f.only(memory, "memory.", Set.of("page_kb", "process_kb", "guest_heap_mb", "heap_check_ms", "heap_pressure_percent"));
        double pageKb = f.number(memory, "memory.page_kb", 4, 0.0625);
        double processKb = f.number(memory, "memory.process_kb", 1024, 0);
        double heapMb = f.number(memory, "memory.guest_heap_mb", 512, 1);
        double heapCheckMs = f.number(memory, "memory.heap_check_ms", 5000, 10);
        long pressure = f.integer(memory, "memory.heap_pressure_percent", 50, 0);
        JsonNode migration = f.table(root, "migration");
        f.only(migration, "migration.", Set.of("fixed_ms", "deputy_work"));
        double fixedMs = f.number(migration, "migration.fixed_ms", 1, 0);
        long deputyWork = f.integer(migration, "migration.deputy_work", 2000, 0);
        JsonNode files = f.table(root, "files");
        f.only(files, "files.", Set.of("call_us", "disk_mbyte_s"));
        double callUs = f.number(files, "files.call_us", 20, 0);
        double diskMbyte = f.number(files, "files.disk_mbyte_s", 50, 0.001);
        JsonNode ipc = f.table(root, "ipc");
        f.only(ipc, "ipc.", Set.of("call_us"));
        double ipcUs = f.number(ipc, "ipc.call_us", 5, 0);
        JsonNode bal = f.table(root, "balancing");
        f.only(bal, "balancing.", Set.of("policy", "period_ms", "window", "min_residence_ms", "settings"));
        String policy = f.text(bal, "balancing.policy", "none");
        double periodMs = f.number(bal, "balancing.period_ms", 1000, 1);
        long window = f.integer(bal, "balancing.window", 0, 0);
        double residenceMs = f.number(bal, "balancing.min_residence_ms", 2000, 0);
        JsonNode settingsTable = bal == null ? null : f.table(bal, "settings");
        Map<String, String> settings = new TreeMap<>();
        if (settingsTable != null) {
            for (Iterator<Map.Entry<String, JsonNode>> it = settingsTable.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!e.getValue().isValueNode()) {
                    throw f.bad("balancing.settings." + e.getKey(), "must be a number or a string");
                }
                settings.put(e.getKey(), e.getValue().asText());
            }
        }
        JsonNode limits = f.table(root, "limits");
        f.only(limits, "limits.", Set.of("max_processes"));
        long maxProcesses = f.integer(limits, "limits.max_processes", 256, 1);
        if (maxProcesses > MAX_PROCESSES) {
            throw f.bad("limits.max_processes", "must be at most " + MAX_PROCESSES + ", got " + maxProcesses);
        }
        JsonNode nodeList = root.get("node");
        if (nodeList == null || !nodeList.isArray() || nodeList.isEmpty()) {
            throw new ImageException(file + ": field 'node': at least one [[node]] table is required");
        }
        List<NodeSpec> nodes = new ArrayList<>();
        for (int i = 0; i < nodeList.size(); i++) {
            JsonNode n = nodeList.get(i);
            String at = "node[" + (i + 1) + "].";
            f.only(n, at, Set.of("name", "speed", "cpus", "memory_mb", "disk_mb", "nomfs"));
            nodes.add(new NodeSpec(i + 1, f.text(n, at + "name", "node" + (i + 1)),
                    f.number(n, at + "speed", 1.0, 0.001), (int) f.integer(n, at + "cpus", 1, 1),
                    (long) (f.number(n, at + "memory_mb", 1024, 1) * (1 << 20)),
                    (long) (f.number(n, at + "disk_mb", 1024, 0) * (1 << 20)), f.bool(n, at + "nomfs", false)));
        }
        return new Image(name, dir, List.copyOf(nodes), seed, Math.round(quantumMs * 1e6), workRate,
                Math.round(latencyUs * 1e3), bandwidthMbit * 1e6, (int) Math.round(pageKb * 1024),
                Math.round(processKb * 1024), Math.round(fixedMs * 1e6), deputyWork, Math.round(callUs * 1e3), diskMbyte * 1e6, Math.round(ipcUs * 1e3),
                new Balancing(policy, Math.round(periodMs * 1e6),
                        window > 0 ? (int) window : defaultWindow(nodes.size()), Math.round(residenceMs * 1e6), Map.copyOf(settings)),
                new HeapGuard(Math.round(heapMb * (1 << 20)), Math.round(heapCheckMs * 1e6), (int) Math.min(100, pressure)), (int) maxProcesses);
    }

    /** About log2 of the cluster's size, as the seeds suggest, and at least 1. */
    static int defaultWindow(int nodes) {
        return Math.max(1, 32 - Integer.numberOfLeadingZeros(Math.max(1, nodes - 1)));
    }

    /** Finds an image by directory or by name under the images directory. */
    public static Image find(String nameOrDir, Path imagesDir) throws ImageException {
        Path asDir = Path.of(nameOrDir);
        if (Files.isDirectory(asDir) && Files.isRegularFile(asDir.resolve(MANIFEST))) {
            return load(asDir);
        }
        Path named = imagesDir.resolve(nameOrDir);
        if (Files.isRegularFile(named.resolve(MANIFEST))) {
            return load(named);
        }
        throw new ImageException("no image '" + nameOrDir + "' (neither a directory with " + MANIFEST
                + " nor an image under " + imagesDir + ")");
    }

    /** The image's root tree, served as the cluster's files. */
    public Path root() {
        return dir.resolve("root");
    }

    /** This image with another default policy (and no settings for it). */
    public Image withPolicy(String policy) {
        return new Image(name, dir, nodes, seed, quantumNanos, workRate, latencyNanos, bandwidth, pageBytes, processBytes,
                migrationFixedNanos, deputyWork, fileCallNanos, diskBandwidth, ipcCallNanos, new Balancing(policy, balancing.periodNanos(), balancing.window(),
                        balancing.minResidenceNanos(), Map.of()), heapGuard, maxProcesses);
    }

    /** This image with one more node (the next id), named {@code name}. */
    public Image withNode(String name, double speed, int cpus, long memory, long disk) {
        List<NodeSpec> grown = new ArrayList<>(nodes);
        grown.add(new NodeSpec(nodes.size() + 1, name, speed, cpus, memory, disk, false));
        return new Image(this.name, dir, List.copyOf(grown), seed, quantumNanos, workRate, latencyNanos, bandwidth, pageBytes, processBytes,
                migrationFixedNanos, deputyWork, fileCallNanos, diskBandwidth, ipcCallNanos, balancing, heapGuard, maxProcesses);
    }

    /** The network between any two nodes. */
    public Link link() {
        return new Link(latencyNanos, bandwidth);
    }

    /** The spec of a node that exists. */
    public NodeSpec spec(int node) {
        return nodes.get(node - 1);
    }

    /** The id if such a node exists. */
    public int requireNode(int node) throws KernelException {
        if (node(node).isEmpty()) {
            throw new KernelException("no node " + node + " (nodes are 1-" + nodes.size() + ")");
        }
        return node;
    }

    /** A node by id, by name, or {@code home} (the node given as {@code home}). */
    public int nodeId(String target, int home) throws KernelException {
        String s = target.strip();
        if (s.equals("home")) {
            return home;
        }
        if (s.matches("\\d{1,9}")) {
            return requireNode(Integer.parseInt(s));
        }
        return nodes.stream().filter(n -> n.name().equals(s)).mapToInt(NodeSpec::id).findFirst()
                .orElseThrow(() -> new KernelException("no node '" + s + "' (give an id 1-" + nodes.size()
                        + ", a name such as " + nodes.getFirst().name() + ", or home)"));
    }

    /** The spec of a node by id. */
    public Optional<NodeSpec> node(int id) {
        return id >= 1 && id <= nodes.size() ? Optional.of(nodes.get(id - 1)) : Optional.empty();
    }

    /** Reads manifest fields with messages naming the file and the field. */
    private record Fields(Path file) {
        ImageException bad(String field, String problem) {
            return new ImageException(file + ": field '" + field + "': " + problem);
        }

        void only(JsonNode table, String prefix, Set<String> known) throws ImageException {
            if (table == null) {
                return;
            }
            for (Iterator<String> it = table.fieldNames(); it.hasNext(); ) {
                String k = it.next();
                if (!known.contains(k)) {
                    throw bad(prefix + k, "unknown field (known: " + String.join(", ", known.stream().sorted().toList()) + ")");
                }
            }
        }

        JsonNode table(JsonNode root, String field) throws ImageException {
            JsonNode t = root.get(field);
            if (t != null && !t.isObject()) {
                throw bad(field, "must be a table");
            }
            return t;
        }

        private JsonNode leaf(JsonNode table, String field) {
            return table == null ? null : table.get(field.substring(field.lastIndexOf('.') + 1));
        }

        String text(JsonNode table, String field, String dflt) throws ImageException {
            JsonNode v = leaf(table, field);
            if (v == null) {
                return dflt;
            }
            if (!v.isTextual() || v.asText().isBlank()) {
                throw bad(field, "must be a non-empty string, got " + v);
            }
            return v.asText();
        }

        boolean bool(JsonNode table, String field, boolean dflt) throws ImageException {
            JsonNode v = leaf(table, field);
            if (v == null) {
                return dflt;
            }
            if (!v.isBoolean()) {
                throw bad(field, "must be true or false, got " + v);
            }
            return v.asBoolean();
        }

        double number(JsonNode table, String field, double dflt, double min) throws ImageException {
            JsonNode v = leaf(table, field);
            if (v == null) {
                return dflt;
            }
            if (!v.isNumber()) {
                throw bad(field, "must be a number, got " + v);
            }
            if (!(v.asDouble() >= min) || Double.isInfinite(v.asDouble())) {
                throw bad(field, "must be at least " + min + ", got " + v);
            }
            return v.asDouble();
        }

        long integer(JsonNode table, String field, long dflt, long min) throws ImageException {
            JsonNode v = leaf(table, field);
            if (v == null) {
                return dflt;
            }
            if (!v.isIntegralNumber()) {
                throw bad(field, "must be an integer, got " + v);
            }
            if (v.asLong() < min) {
                throw bad(field, "must be at least " + min + ", got " + v);
            }
            return v.asLong();
        }
    }
}
