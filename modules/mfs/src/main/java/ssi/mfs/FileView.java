package ssi.mfs;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The namespace as the processes of one home node see it: {@code /home} and {@code /tmp} are
 * that node's own ({@code /mfs/H/home}, {@code /mfs/H/tmp}), as in MOSIX, where a process's
 * files are those of its home wherever it runs. Paths given here are normalised guest paths
 * ({@link Namespace#normalise}); errors name them as given.
 */
public final class FileView {
    private final Namespace ns;
    private final int home;
    private final int pid; // who looks: 0 for the shell

    FileView(Namespace ns, int home, int pid) {
        this.ns = ns;
        this.home = home;
        this.pid = pid;
    }

    /** The path under {@code /proc} ("" for /proc itself), if it is there and /proc is served. */
    private java.util.Optional<String> proc(String path) {
        if (ns.proc() == null || !(path.equals("/proc") || path.startsWith("/proc/"))) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(path.length() <= 6 ? "" : path.substring(6));
    }

    public int home() {
        return home;
    }

    /** The path in the cluster's own terms: {@code /home/x} seen from node 2 is {@code /mfs/2/home/x}. */
    public String canonical(String path) {
        for (String local : new String[] {"/home", "/tmp"}) {
            if (path.equals(local) || path.startsWith(local + "/")) {
                return "/mfs/" + home + path;
            }
        }
        return path;
    }

    /** The node that holds a path's file; 0 for what every node has (the image's {@code /bin}, {@code /lib}, the root, {@code /mfs}) and for no node. */
    public int node(String path) {
        int node = Namespace.owner(canonical(path));
        return ns.isNode(String.valueOf(node)) ? node : 0;
    }

    /** True for the image's own tree ({@code /bin}, {@code /lib}, ...): the same on every node and never written. */
    public boolean readOnly(String path) {
        return ns.isImage(path);
    }

    Path host(String path) throws IOException {
        int node = node(path);
        if (node > 0 && ns.isDown(node)) {
            throw new java.nio.file.FileSystemException(path, null, "node " + node + " is down");
        }
        return ns.host(canonical(path), path);
    }

    /** Refuses writes where a guest may not write: the image's tree, the root, mount points, unknown nodes. */
    public void checkWritable(String path) throws IOException {
        if (proc(path).isPresent()) {
            return; // /proc decides when the text is written
        }
        if (readOnly(path)) {
            throw new AccessDeniedException(path, null, "read-only");
        }
        String c = canonical(path);
        String[] parts = c.split("/");
        if (parts.length < 2 || !parts[1].equals("mfs")) {
            throw new AccessDeniedException(path, null, c.equals("/") ? "a mount point" : "the root holds only the image's directories, home, mfs and tmp");
        }
        if (parts.length > 2 && !ns.isNode(parts[2])) {
            throw new NoSuchFileException(path, null, "no such node");
        }
        if (parts.length <= 3 || parts.length == 4 && (parts[3].equals("home") || parts[3].equals("tmp"))) {
            throw new AccessDeniedException(path, null, "a mount point");
        }
    }

    /** The names in a directory, sorted, directories marked with a trailing {@code /}. */
    public List<String> list(String path) throws IOException {
        if (path.equals("/")) {
            return ns.rootEntries(ns.proc() != null);
        }
        if (proc(path).isPresent()) {
            return ns.proc().list(proc(path).get(), pid);
        }
        Path h = host(path);
        if (Files.exists(h) && !Files.isDirectory(h)) {
            throw HostErrors.notDirectory(path);
        }
        return HostErrors.onHost(path, () -> {
            try (var entries = Files.list(h)) {
                return entries.filter(p -> !AtomicWrite.isTemporary(p))
                        .map(p -> p.getFileName().toString() + (Files.isDirectory(p) ? "/" : "")).sorted().toList();
            }
        });
    }

    /** Opens a file (options as for {@link Files#newByteChannel}); every writer's close commits it atomically. */
    public SeekableByteChannel open(String path, Set<? extends OpenOption> options) throws IOException {
        boolean write = options.contains(StandardOpenOption.WRITE) || options.contains(StandardOpenOption.APPEND);
        if (proc(path).isPresent()) {
            String rel = proc(path).get();
            if (ns.proc().isDirectory(rel, pid)) {
                throw new java.nio.file.FileSystemException(path, null, "is a directory");
            }
            return write ? TextChannel.writer(text -> ns.proc().write(rel, pid, text)) : TextChannel.reader(ns.proc().read(rel, pid));
        }
        if (readOnly(path)) {
            if (write) {
                throw new AccessDeniedException(path, null, "read-only");
            }
            Path h = host(path);
            if (Files.isDirectory(h)) {
                throw new java.nio.file.FileSystemException(path, null, "is a directory");
            }
            return HostErrors.onHost(path, () -> Files.newByteChannel(h, StandardOpenOption.READ));
        }
        if (write) {
            checkWritable(path);
        }
        return ns.open.open(canonical(path), host(path), node(path), path, options);
    }

    /** A file's content. */
    public byte[] read(String path) throws IOException {
        try (SeekableByteChannel c = open(path, Set.of(StandardOpenOption.READ))) {
            ByteBuffer buf = ByteBuffer.allocate((int) c.size());
            while (buf.hasRemaining() && c.read(buf) > 0) {
                // until the whole file is in
            }
            return buf.array();
        }
    }

    /** Writes (or appends to) a file, atomically. */
    public void write(String path, byte[] data, boolean append) throws IOException {
        Set<StandardOpenOption> options = append
                ? Set.of(StandardOpenOption.WRITE, StandardOpenOption.CREATE, StandardOpenOption.APPEND)
                : Set.of(StandardOpenOption.WRITE, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING);
        try (SeekableByteChannel c = open(path, options)) {
            ByteBuffer buf = ByteBuffer.wrap(data);
            while (buf.hasRemaining()) {
                c.write(buf);
            }
        }
    }

    /** A file's attributes (as {@link Files#readAttributes(Path, String, java.nio.file.LinkOption...)}); an open file's size is its openers' view. */
    public Map<String, Object> attributes(String path, String attributes) throws IOException {
        if (proc(path).isPresent()) { // a host stand-in of the same kind, with the file's size
            String rel = proc(path).get();
            boolean dir = ns.proc().isDirectory(rel, pid);
            Path standIn = dir ? ns.state().resolve("proc") : ns.state().resolve("proc").resolve(".file");
            Map<String, Object> a = new HashMap<>(Files.readAttributes(standIn, attributes, java.nio.file.LinkOption.NOFOLLOW_LINKS));
            if (a.containsKey("size")) {
                a.put("size", dir ? 0L : (long) ns.proc().read(rel, pid).getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
            }
            return a;
        }
        Path h = host(path);
        Map<String, Object> a = new HashMap<>(HostErrors.onHost(path, () -> Files.readAttributes(h, attributes, java.nio.file.LinkOption.NOFOLLOW_LINKS)));
        long open = ns.open.size(canonical(path));
        if (open >= 0 && a.containsKey("size")) {
            a.put("size", open);
        }
        return a;
    }

    public void mkdir(String path) throws IOException {
        refuseInProc(path);
        checkWritable(path);
        Path h = host(path);
        HostErrors.onHost(path, () -> Files.createDirectory(h));
    }

    /** Removes a file or an empty directory. */
    public void delete(String path) throws IOException {
        refuseInProc(path);
        checkWritable(path);
        Path h = host(path);
        long size = Files.isRegularFile(h) ? Files.size(h) : 0;
        HostErrors.onHost(path, () -> {
            Files.delete(h);
            return null;
        });
        ns.open.deleted(canonical(path));
        ns.disks.add(node(path), -size);
    }

    /** Renames a file or directory in one atomic step, even between nodes (their disks share the host's). */
    public void move(String from, String to) throws IOException {
        refuseInProc(from);
        refuseInProc(to);
        checkWritable(from);
        checkWritable(to);
        if (ns.open.isOpen(canonical(from)) || ns.open.isOpen(canonical(to))) {
            throw new java.nio.file.FileSystemException(from, null, "open: close it before renaming");
        }
        Path source = host(from);
        Path target = host(to);
        long size = HostErrors.onHost(from, () -> Disks.sizeOf(source));
        long replaced = Files.isRegularFile(target) ? Files.size(target) : 0;
        if (node(from) != node(to)) {
            ns.disks.ensureRoom(node(to), size - replaced, to);
        }
        HostErrors.onHost(from, () -> Files.move(source, target, java.nio.file.StandardCopyOption.ATOMIC_MOVE));
        ns.disks.add(node(from), -size);
        ns.disks.add(node(to), size - replaced);
    }

    private void refuseInProc(String path) throws IOException {
        if (proc(path).isPresent()) {
            throw new AccessDeniedException(path, null, "/proc holds the cluster's state: its files can only be read and written");
        }
    }

    /** Checks that a path exists and is a directory. */
    public void requireDirectory(String path) throws IOException {
        if (path.equals("/")) {
            return;
        }
        if (proc(path).isPresent()) {
            if (!ns.proc().isDirectory(proc(path).get(), pid)) {
                throw HostErrors.notDirectory(path);
            }
            return;
        }
        Path h = host(path);
        if (!Files.exists(h)) {
            throw new NoSuchFileException(path, null, "no such file or directory");
        }
        if (!Files.isDirectory(h)) {
            throw HostErrors.notDirectory(path);
        }
    }
}
