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
 * @param queuedPerCpu how many queued jobs ({@code mosrun -q}) may run at once per CPU of their cluster
 * @param marks each node's red and blue marks (MOSIX2's freezing), by node id - 1
 * @param clusters the clusters its nodes form (MOSIX2's multi-cluster): one, named after the image, unless the manifest groups them
 */
public record Image(String name, Path dir, List<NodeSpec> nodes, long seed, long quantumNanos,
                    double workRate, long latencyNanos, double bandwidth, int pageBytes, long processBytes,
                    long migrationFixedNanos, long deputyWork, long fileCallNanos, double diskBandwidth, long ipcCallNanos,
                    Balancing balancing, HeapGuard heapGuard, int maxProcesses, int queuedPerCpu, List<Marks> marks, List<ClusterSpec> clusters) {

    /**
     * A node's freezing marks, in loads of the standard processor (0: off): above {@code red} its
     * newest own processes are frozen to its disk; below {@code blue} they continue.
     */
    public record Marks(double red, double blue) {
        public static final Marks OFF = new Marks(0, 0);
    }

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

    /** The documented bounds of a number an image may set (also those of a node added or changed while running). */
    record Bound(double min, double max) {
        boolean holds(double v) {
            return v >= min && v <= max; // false for NaN
        }

        String describe() {
            return "between " + plain(min) + " and " + plain(max);
        }

        private static String plain(double v) {
            return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.format(java.util.Locale.ROOT, "%,d", (long) v) : String.valueOf(v);
        }
    }

    // Nodes: a process's pages fit an int (memory / page), and a migration of a whole node's memory
    // over the slowest network, or any delay they allow, stays far from the clock's end.
    static final Bound SPEED = new Bound(0.001, 1000);
    static final Bound CPUS = new Bound(1, 1024);
    static final Bound MEMORY_MB = new Bound(1, 1 << 20);          // up to 1 TiB
    static final Bound DISK_MB = new Bound(0, 1 << 24);            // up to 16 TiB
    static final Bound QUANTUM_MS = new Bound(0.01, 10_000);
    static final Bound WORK_RATE = new Bound(1, 1e12);
    static final Bound LATENCY_US = new Bound(0, 10_000_000);      // up to 10 s
    static final Bound BANDWIDTH_MBIT = new Bound(0.01, 10_000_000);
    static final Bound PAGE_KB = new Bound(1, 1024);
    static final Bound PROCESS_KB = new Bound(0, 1 << 20);
    static final Bound HEAP_MB = new Bound(1, 1 << 20);
    static final Bound HEAP_CHECK_MS = new Bound(10, 3_600_000);
    static final Bound PERCENT = new Bound(0, 100);
    static final Bound FIXED_MS = new Bound(0, 60_000);
    static final Bound UNITS = new Bound(0, 1e9);                  // deputy_work
    static final Bound CALL_US = new Bound(0, 1_000_000);
    static final Bound DISK_MBYTE_S = new Bound(0.001, 1_000_000);
    static final Bound PERIOD_MS = new Bound(1, 3_600_000);
    static final Bound WINDOW = new Bound(0, 100_000);
    static final Bound RESIDENCE_MS = new Bound(0, 86_400_000);
    static final Bound PROCESSES = new Bound(1, 1_000_000);          // per user: guests each hold a thread and a context
    static final Bound MARK = new Bound(0, 1_000_000);
    static final Bound SEED = new Bound(Long.MIN_VALUE, Long.MAX_VALUE);

    /** What a node may be called: it must not read as an id, {@code home}, {@code balance}, {@code freeze} or {@code continue} (targets of {@code migrate}). */
    static boolean nodeName(String name) {
        return name.matches("[A-Za-z][A-Za-z0-9_-]{0,31}") && !List.of("home", "balance", "freeze", "continue").contains(name);
    }

    /**
     * Loads an image from its directory, checking every field: a manifest that is not UTF-8 text or
     * not TOML, an unknown key, a missing field, a value of the wrong kind or beyond its bounds, two
     * nodes of one name: each refused with the file, the line where it can tell, and the field.
     */
    public static Image load(Path dir) throws ImageException {
        Path file = dir.resolve(MANIFEST);
        if (!Files.isRegularFile(file)) {
            throw new ImageException(file + ": no image manifest here");
        }
        String text;
        try {
            text = utf8(file, Files.readAllBytes(file));
        } catch (IOException e) {
            throw new ImageException(file + ": cannot read: " + e.getMessage());
        }
        JsonNode root;
        try {
            root = new TomlMapper().readTree(text);
        } catch (JacksonException e) {
            throw new ImageException(file + (e.getLocation() == null || e.getLocation().getLineNr() < 1 ? "" : ":" + e.getLocation().getLineNr())
                    + ": not valid TOML: " + syntax(e.getOriginalMessage()));
        }
        ManifestFields f = new ManifestFields(file, text.lines().toList());
        f.only(root, "", Set.of("name", "description", "seed", "clock", "network", "memory", "migration", "files", "ipc", "balancing", "limits", "node", "cluster"));
        String name = f.text(root, "name", dir.getFileName().toString());
        f.text(root, "description", "");
        long seed = f.integer(root, "seed", 1, SEED);
        JsonNode clock = f.table(root, "clock");
        f.only(clock, "clock.", Set.of("quantum_ms", "work_rate"));
        double quantumMs = f.number(clock, "clock.quantum_ms", 10, QUANTUM_MS);
        double workRate = f.number(clock, "clock.work_rate", 4_000_000, WORK_RATE);
        JsonNode net = f.table(root, "network");
        f.only(net, "network.", Set.of("latency_us", "bandwidth_mbit"));
        double latencyUs = f.number(net, "network.latency_us", 100, LATENCY_US);
        double bandwidthMbit = f.number(net, "network.bandwidth_mbit", 100, BANDWIDTH_MBIT);
        JsonNode memory = f.table(root, "memory");
        f.only(memory, "memory.", Set.of("page_kb", "process_kb", "guest_heap_mb", "heap_check_ms", "heap_pressure_percent"));
        double pageKb = f.number(memory, "memory.page_kb", 4, PAGE_KB);
        double processKb = f.number(memory, "memory.process_kb", 1024, PROCESS_KB);
        double heapMb = f.number(memory, "memory.guest_heap_mb", 512, HEAP_MB);
        double heapCheckMs = f.number(memory, "memory.heap_check_ms", 5000, HEAP_CHECK_MS);
        long pressure = f.integer(memory, "memory.heap_pressure_percent", 50, PERCENT);
        JsonNode migration = f.table(root, "migration");
        f.only(migration, "migration.", Set.of("fixed_ms", "deputy_work"));
        double fixedMs = f.number(migration, "migration.fixed_ms", 1, FIXED_MS);
        long deputyWork = f.integer(migration, "migration.deputy_work", 2000, UNITS);
        JsonNode files = f.table(root, "files");
        f.only(files, "files.", Set.of("call_us", "disk_mbyte_s"));
        double callUs = f.number(files, "files.call_us", 20, CALL_US);
        double diskMbyte = f.number(files, "files.disk_mbyte_s", 50, DISK_MBYTE_S);
        JsonNode ipc = f.table(root, "ipc");
        f.only(ipc, "ipc.", Set.of("call_us"));
        double ipcUs = f.number(ipc, "ipc.call_us", 5, CALL_US);
        JsonNode bal = f.table(root, "balancing");
        f.only(bal, "balancing.", Set.of("policy", "period_ms", "window", "min_residence_ms", "settings"));
        String policy = f.text(bal, "balancing.policy", "none");
        double periodMs = f.number(bal, "balancing.period_ms", 1000, PERIOD_MS);
        long window = f.integer(bal, "balancing.window", 0, WINDOW);
        double residenceMs = f.number(bal, "balancing.min_residence_ms", 2000, RESIDENCE_MS);
        JsonNode settingsTable = bal == null ? null : f.table(bal, "balancing.settings");
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
        f.only(limits, "limits.", Set.of("max_processes", "queued_per_cpu"));
        long maxProcesses = f.integer(limits, "limits.max_processes", 256, PROCESSES);
        long queuedPerCpu = f.integer(limits, "limits.queued_per_cpu", 1, CPUS);
        JsonNode nodeList = root.get("node");
        if (nodeList != null && !nodeList.isArray()) {
            throw f.bad("node", "write [[node]] (one table per node, in an array), not [node]");
        }
        if (nodeList == null || nodeList.isEmpty()) {
            throw f.bad("node", "at least one [[node]] table is required");
        }
        List<NodeSpec> nodes = new ArrayList<>();
        List<Marks> marks = new ArrayList<>();
        Map<String, Integer> named = new java.util.HashMap<>();
        for (int i = 0; i < nodeList.size(); i++) {
            JsonNode n = nodeList.get(i);
            String at = "node[" + (i + 1) + "].";
            if (!n.isObject()) {
                throw f.bad("node[" + (i + 1) + "]", "must be a table");
            }
            f.only(n, at, Set.of("name", "speed", "cpus", "memory_mb", "disk_mb", "nomfs", "red_mark", "blue_mark"));
            String nodeName = f.text(n, at + "name", null);
            if (!nodeName(nodeName)) {
                throw f.bad(at + "name", "a node's name is a letter, then up to 31 letters, digits, _ or -, and not home, balance, freeze or continue, got '"
                        + nodeName + "'");
            }
            Integer before = named.putIfAbsent(nodeName, i + 1);
            if (before != null) {
                throw f.bad(at + "name", "'" + nodeName + "' is the name of node[" + before + "] too: each node needs a name of its own");
            }
            nodes.add(new NodeSpec(i + 1, nodeName, f.number(n, at + "speed", Double.NaN, SPEED), (int) f.integer(n, at + "cpus", 1, CPUS),
                    (long) (f.number(n, at + "memory_mb", 1024, MEMORY_MB) * (1 << 20)),
                    (long) (f.number(n, at + "disk_mb", 1024, DISK_MB) * (1 << 20)), f.bool(n, at + "nomfs", false)));
            Marks m = new Marks(f.number(n, at + "red_mark", 0, MARK), f.number(n, at + "blue_mark", 0, MARK));
            if (m.red() > 0 && m.blue() >= m.red()) {
                throw f.bad(at + "blue_mark", "node '" + nodeName + "': the blue mark (continue below) must be under the red mark (freeze above), got "
                        + m.blue() + " and " + m.red());
            }
            marks.add(m);
        }
        Link network = new Link(Math.round(latencyUs * 1e3), bandwidthMbit * 1e6);
        List<ClusterSpec> clusters = ClusterManifest.read(f, root, name, nodes, network);
        return new Image(name, dir, List.copyOf(nodes), seed, Math.round(quantumMs * 1e6), workRate,
                Math.round(latencyUs * 1e3), bandwidthMbit * 1e6, (int) Math.round(pageKb * 1024),
                Math.round(processKb * 1024), Math.round(fixedMs * 1e6), deputyWork, Math.round(callUs * 1e3), diskMbyte * 1e6, Math.round(ipcUs * 1e3),
                new Balancing(policy, Math.round(periodMs * 1e6),
                        window > 0 ? (int) window : defaultWindow(nodes.size()), Math.round(residenceMs * 1e6), Map.copyOf(settings)),
                new HeapGuard(Math.round(heapMb * (1 << 20)), Math.round(heapCheckMs * 1e6), (int) pressure), (int) maxProcesses, (int) queuedPerCpu, List.copyOf(marks), clusters);
    }

    /** The manifest as text, if it is UTF-8; else where it is not. */
    private static String utf8(Path file, byte[] bytes) throws ImageException {
        java.nio.ByteBuffer in = java.nio.ByteBuffer.wrap(bytes);
        java.nio.CharBuffer out = java.nio.CharBuffer.allocate(bytes.length);
        java.nio.charset.CoderResult r = java.nio.charset.StandardCharsets.UTF_8.newDecoder().decode(in, out, true);
        if (r.isError()) {
            int line = 1;
            for (int i = 0; i < in.position(); i++) {
                line += bytes[i] == '\n' ? 1 : 0;
            }
            throw new ImageException(file + ":" + line + ": not UTF-8 text (a manifest is TOML, in UTF-8): byte " + (in.position() + 1)
                    + " of the file starts no character");
        }
        return out.flip().toString();
    }

    /** The TOML reader's complaint in plain words; its own words where they are plain already. */
    private static String syntax(String complaint) {
        String c = complaint == null ? "" : complaint;
        return c.startsWith("Path into existing non-object value of type ARRAY") ? "a [table] whose name is already an array of tables ([[...]])"
                : c.startsWith("Path into existing non-object value") ? "a table whose name is already a key with a value"
                : c.startsWith("Newline not permitted") ? "the line ends where a value or a closing bracket belongs"
                : c.startsWith("Duplicate key") ? "a key given twice"
                : c.startsWith("Table redefined") ? "a table given twice"
                : c.startsWith("Illegal control character") ? "a control character"
                : c.startsWith("More data after value") ? "more after a value on its line"
                : "not a key = value, a [table] or a [[table]]";
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
                        balancing.minResidenceNanos(), Map.of()), heapGuard, maxProcesses, queuedPerCpu, marks, clusters);
    }

    /** This image with one more node (the next id), named {@code name}: it joins the first cluster. */
    public Image withNode(String name, double speed, int cpus, long memory, long disk) {
        List<NodeSpec> grown = new ArrayList<>(nodes);
        grown.add(new NodeSpec(nodes.size() + 1, name, speed, cpus, memory, disk, false));
        List<Marks> marked = new ArrayList<>(marks);
        marked.add(Marks.OFF);
        List<ClusterSpec> regrouped = new ArrayList<>(clusters);
        ClusterSpec first = clusters.getFirst();
        List<Integer> members = new ArrayList<>(first.nodes());
        members.add(grown.size());
        regrouped.set(0, new ClusterSpec(first.name(), first.owner(), List.copyOf(members), first.connected(), first.linux(),
                first.priorities(), first.uplink()));
        return new Image(this.name, dir, List.copyOf(grown), seed, quantumNanos, workRate, latencyNanos, bandwidth, pageBytes, processBytes,
                migrationFixedNanos, deputyWork, fileCallNanos, diskBandwidth, ipcCallNanos, balancing, heapGuard, maxProcesses, queuedPerCpu, List.copyOf(marked), List.copyOf(regrouped));
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
}
