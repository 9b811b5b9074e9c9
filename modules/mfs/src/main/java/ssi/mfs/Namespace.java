package ssi.mfs;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The one namespace of the cluster, as guests and the shell see it: {@code /bin} (the image's
 * programs, read-only), {@code /home} and {@code /tmp}, and {@code /mfs/N/...} (node N's own
 * files). Guest paths are normalised and confined: no {@code ..}, link or odd name reaches a host
 * file outside the state directory or the image's {@code bin}.
 */
public final class Namespace {
    private final Path bin;
    private final Path state;

    /**
     * @param bin the image's {@code root/bin}
     * @param state the host directory holding this run's files (created if missing)
     * @param nodes how many nodes the cluster has: {@code /mfs/1} to {@code /mfs/nodes}
     */
    public Namespace(Path bin, Path state, int nodes) throws IOException {
        this.bin = bin.toAbsolutePath().normalize();
        this.state = state.toAbsolutePath().normalize();
        for (String dir : new String[] {"bin", "home", "tmp", "mfs"}) {
            Files.createDirectories(this.state.resolve(dir)); // "bin" is only the mount point, shown in listings
        }
        for (int n = 1; n <= nodes; n++) {
            Files.createDirectories(this.state.resolve("mfs").resolve(String.valueOf(n)));
        }
    }

    /** The state directory. */
    public Path state() {
        return state;
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

    /** Where a normalised guest path lives on the host. */
    public Path host(String path) throws IOException {
        Path p;
        if (path.equals("/bin") || path.startsWith("/bin/")) {
            p = bin.resolve(path.substring(Math.min(path.length(), 5)));
            if (!p.normalize().startsWith(bin)) {
                throw new AccessDeniedException(path, null, "outside the namespace");
            }
        } else {
            p = state.resolve(path.substring(1));
            if (!p.normalize().startsWith(state)) {
                throw new AccessDeniedException(path, null, "outside the namespace");
            }
        }
        if (Files.isSymbolicLink(p)) {
            throw new AccessDeniedException(path, null, "a link");
        }
        return p;
    }

    /** Refuses writes where a guest may not write: {@code /bin}, the root, {@code /mfs} itself and the node directories. */
    public void checkWritable(String path) throws IOException {
        if (path.equals("/bin") || path.startsWith("/bin/")) {
            throw new AccessDeniedException(path, null, "read-only");
        }
        if (path.equals("/") || path.equals("/mfs") || path.matches("/mfs/[^/]+") || path.equals("/home") || path.equals("/tmp")) {
            throw new AccessDeniedException(path, null, "a mount point");
        }
        if (path.startsWith("/mfs/") && !Files.isDirectory(state.resolve("mfs").resolve(path.split("/")[2]))) {
            throw new java.nio.file.NoSuchFileException(path, null, "no such node");
        }
    }

    /** The names in a directory, sorted, directories marked with a trailing {@code /}. */
    public java.util.List<String> list(String path) throws IOException {
        Path h = host(path);
        if (Files.exists(h) && !Files.isDirectory(h)) {
            throw HostErrors.notDirectory(path);
        }
        return HostErrors.onHost(path, () -> {
            try (var entries = Files.list(h)) {
                return entries.filter(p -> !AtomicChannel.isTemporary(p))
                        .map(p -> p.getFileName().toString() + (Files.isDirectory(p) ? "/" : "")).sorted().toList();
            }
        });
    }

    /** A file's content. */
    public byte[] read(String path) throws IOException {
        Path h = host(path);
        if (Files.isDirectory(h)) {
            throw new java.nio.file.FileSystemException(path, null, "is a directory");
        }
        return HostErrors.onHost(path, () -> Files.readAllBytes(h));
    }

    /** Writes (or appends to) a file, atomically. */
    public void write(String path, byte[] data, boolean append) throws IOException {
        checkWritable(path);
        var options = append
                ? java.util.Set.of(java.nio.file.StandardOpenOption.WRITE, java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND)
                : java.util.Set.of(java.nio.file.StandardOpenOption.WRITE, java.nio.file.StandardOpenOption.CREATE,
                        java.nio.file.StandardOpenOption.TRUNCATE_EXISTING);
        Path h = host(path);
        HostErrors.onHost(path, () -> {
            try (var channel = AtomicChannel.open(h, options)) {
                java.nio.ByteBuffer buf = java.nio.ByteBuffer.wrap(data);
                while (buf.hasRemaining()) {
                    channel.write(buf);
                }
            }
            return null;
        });
    }

    public void mkdir(String path) throws IOException {
        checkWritable(path);
        Path h = host(path);
        HostErrors.onHost(path, () -> Files.createDirectory(h));
    }

    /** Removes a file or an empty directory. */
    public void delete(String path) throws IOException {
        checkWritable(path);
        Path h = host(path);
        HostErrors.onHost(path, () -> {
            Files.delete(h);
            return null;
        });
    }

    /** Renames a file or directory (one atomic step, even between nodes' directories: they share one host disk). */
    public void move(String from, String to) throws IOException {
        checkWritable(from);
        checkWritable(to);
        Path source = host(from);
        Path target = host(to);
        HostErrors.onHost(from, () -> Files.move(source, target, java.nio.file.StandardCopyOption.ATOMIC_MOVE));
    }

    /** The node a file belongs to: N for {@code /mfs/N/...}, else 0 (the node of the process that uses it). */
    public static int owner(String path) {
        String[] parts = path.split("/");
        if (parts.length > 2 && parts[1].equals("mfs") && parts[2].matches("\\d{1,9}")) {
            return Integer.parseInt(parts[2]);
        }
        return 0;
    }

    private static String printable(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            b.append(c < 0x20 || c == 0x7f ? String.format("\\x%02x", (int) c) : String.valueOf(c));
        }
        return b.toString();
    }
}
