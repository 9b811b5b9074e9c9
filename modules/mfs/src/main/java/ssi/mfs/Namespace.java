package ssi.mfs;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * The one namespace of the cluster: the image's own tree ({@code /bin}, {@code /lib} and whatever
 * else its {@code root} holds: read-only, present on every node), and {@code /mfs/N/...}, node N's
 * own files, kept on the host under the state directory. A process sees {@code /home} and
 * {@code /tmp} as its home node's ({@link #view}). Guest paths are normalised and confined: no
 * {@code ..}, link or odd name reaches a host file outside the state directory or the image's root.
 */
public final class Namespace {
    /** The mount points: names the image's root cannot use. */
    static final Set<String> MOUNTS = Set.of("home", "mfs", "proc", "tmp");

    private final Path root;
    private final List<String> imageDirs; // the image's top-level directories, sorted
    private final Path state;
    private volatile int nodes;
    final Disks disks;
    final OpenFiles open;
    private volatile ProcFiles proc;
    private final java.util.Set<Integer> down = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /**
     * @param root the image's {@code root}: its top-level directories become read-only {@code /bin}, {@code /lib}, ...
     * @param state the host directory holding this run's files (created if missing)
     * @param diskBytes the disk size of each node, 1 to n: {@code /mfs/1} to {@code /mfs/n}
     */
    public Namespace(Path root, Path state, List<Long> diskBytes) throws IOException {
        this.root = root.toAbsolutePath().normalize();
        this.imageDirs = imageDirs(this.root);
        this.state = state.toAbsolutePath().normalize();
        this.nodes = diskBytes.size();
        for (String dir : MOUNTS) {
            Files.createDirectories(this.state.resolve(dir)); // only mount points
        }
        if (!Files.exists(this.state.resolve("proc/.file"))) {
            Files.createFile(this.state.resolve("proc/.file")); // what /proc's files look like to stat
        }
        for (int n = 1; n <= nodes; n++) {
            for (String dir : new String[] {"home", "tmp"}) {
                Files.createDirectories(this.state.resolve("mfs").resolve(String.valueOf(n)).resolve(dir));
            }
        }
        this.disks = new Disks(this.state.resolve("mfs"), diskBytes);
        this.open = new OpenFiles(disks);
    }

    /** The image root's top-level directories (never a mount point's name, a link or a hidden name). */
    private static List<String> imageDirs(Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (var entries = Files.list(root)) {
            return entries.filter(p -> Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS))
                    .map(p -> p.getFileName().toString())
                    .filter(n -> !MOUNTS.contains(n) && !n.startsWith("."))
                    .sorted().toList();
        }
    }

    /** What {@code /} lists: the image's directories and the mount points, sorted, each with a trailing {@code /}. */
    List<String> rootEntries(boolean withProc) {
        java.util.TreeSet<String> names = new java.util.TreeSet<>(imageDirs);
        names.addAll(List.of("home", "mfs", "tmp"));
        if (withProc) {
            names.add("proc");
        }
        return names.stream().map(n -> n + "/").toList();
    }

    /** The state directory. */
    public Path state() {
        return state;
    }

    /** The namespace as the shell sees it, standing on node {@code home}: the cluster's administrator. */
    public FileView view(int home) {
        return view(home, 0);
    }

    /** The namespace as process {@code pid} of home node {@code home} sees it. */
    public FileView view(int home, int pid) {
        if (home < 1 || home > nodes) {
            throw new IllegalArgumentException("no node " + home);
        }
        return new FileView(this, home, pid);
    }

    /** Serves {@code /proc} from now on. */
    public void mountProc(ProcFiles proc) {
        this.proc = proc;
    }

    ProcFiles proc() {
        return proc;
    }

    /** Node {@code node} crashed: its open files' unclosed writes are lost (what was closed is on its disk, whole); its files are out of reach until it restarts. */
    public void crash(int node) {
        down.add(node);
        open.crash(node);
    }

    /** Node {@code node} is back: its files are reachable again, as they were last closed. */
    public void restart(int node) {
        down.remove(node);
    }

    boolean isDown(int node) {
        return down.contains(node);
    }

    /** A node joins the cluster with a disk of {@code diskBytes}: {@code /mfs/N} for the next N. Returns N. */
    public synchronized int addNode(long diskBytes) throws IOException {
        int n = nodes + 1;
        for (String dir : new String[] {"home", "tmp"}) {
            Files.createDirectories(state.resolve("mfs").resolve(String.valueOf(n)).resolve(dir));
        }
        disks.addNode(state.resolve("mfs").resolve(String.valueOf(n)), diskBytes);
        nodes = n;
        return n;
    }

    /** Bytes node {@code node}'s files take on its disk. */
    public long diskUsed(int node) {
        return disks.used(node);
    }

    /** The size of node {@code node}'s disk. */
    public long diskSize(int node) {
        return disks.capacity(node);
    }

    boolean isNode(String id) {
        return id.matches("\\d{1,9}") && Integer.parseInt(id) >= 1 && Integer.parseInt(id) <= nodes;
    }

    /** A guest path made absolute against {@code cwd} and normalised; odd names are refused. */
    public static String normalise(String path, String cwd) throws IOException {
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                throw new IOException(printable(path) + ": a name with a control character");
            }
        }
        String abs = path.startsWith("/") ? path : cwd + "/" + path;
        java.util.ArrayDeque<String> parts = new java.util.ArrayDeque<>();
        for (String part : abs.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                parts.pollLast(); // ".." at the root stays at the root, as on Unix
            } else {
                parts.addLast(part);
            }
        }
        return "/" + String.join("/", parts);
    }

    /** Where a canonical path (the image's {@code /bin/...} or {@code /mfs/N/...}) lives on the host; {@code shown} names it in errors. */
    Path host(String canonical, String shown) throws IOException {
        Path p;
        if (isImage(canonical)) {
            p = root.resolve(canonical.substring(1));
            if (!p.normalize().startsWith(root)) {
                throw new AccessDeniedException(shown, null, "outside the namespace");
            }
        } else {
            p = state.resolve(canonical.substring(1));
            if (!p.normalize().startsWith(state)) {
                throw new AccessDeniedException(shown, null, "outside the namespace");
            }
        }
        if (Files.isSymbolicLink(p)) {
            throw new AccessDeniedException(shown, null, "a link");
        }
        return p;
    }

    /** True for a path in the image's own tree ({@code /bin}, {@code /lib}, ...): the same on every node, never written. */
    boolean isImage(String path) {
        int end = path.indexOf('/', 1);
        String top = end < 0 ? path.substring(1) : path.substring(1, end);
        return !top.isEmpty() && java.util.Collections.binarySearch(imageDirs, top) >= 0;
    }

    /** The node holding a canonical path: N for {@code /mfs/N/...}, 0 for what every node has ({@code /bin}, the root). */
    static int owner(String canonical) {
        String[] parts = canonical.split("/");
        return parts.length > 2 && parts[1].equals("mfs") && parts[2].matches("\\d{1,9}") ? Integer.parseInt(parts[2]) : 0;
    }

    private static String printable(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            b.append(c < 0x20 || c == 0x7f ? String.format("\\x%02x", (int) c) : String.valueOf(c));
        }
        return b.toString();
    }
}
