package ssi.mfs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Each node's disk: its size, and the bytes its files take (counted at boot, kept up to date by every change). */
final class Disks {
    private long[] capacity;
    private long[] used;

    /** @param capacities disk bytes of nodes 1, 2, ...; {@code nodes.resolve("N")} holds node N's files */
    Disks(Path nodes, List<Long> capacities) throws IOException {
        capacity = new long[capacities.size() + 1];
        used = new long[capacities.size() + 1];
        for (int n = 1; n <= capacities.size(); n++) {
            capacity[n] = capacities.get(n - 1);
            used[n] = sizeOf(nodes.resolve(String.valueOf(n)));
        }
    }

    /** The bytes of the files under a path (a file's own size), temporaries left out. */
    static long sizeOf(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).filter(p -> !AtomicWrite.isTemporary(p)).mapToLong(p -> {
                try {
                    return Files.size(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).sum();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** A node joined with a disk of {@code bytes}, holding what its directory holds already. */
    synchronized void addNode(Path dir, long bytes) throws IOException {
        capacity = java.util.Arrays.copyOf(capacity, capacity.length + 1);
        used = java.util.Arrays.copyOf(used, used.length + 1);
        capacity[capacity.length - 1] = bytes;
        used[used.length - 1] = sizeOf(dir);
    }

    /** Refuses to let {@code node}'s files grow by {@code extra} bytes if its disk cannot hold them. */
    synchronized void ensureRoom(int node, long extra, String path) throws FileSystemException {
        if (node > 0 && extra > 0 && used[node] + extra > capacity[node]) {
            throw new FileSystemException(path, null, "no space left on node " + node + "'s disk ("
                    + capacity[node] + " bytes, " + used[node] + " used, " + extra + " more wanted for " + path + ")");
        }
    }

    synchronized void add(int node, long delta) {
        if (node > 0) {
            used[node] += delta;
        }
    }

    synchronized long used(int node) {
        return used[node];
    }

    long capacity(int node) {
        return capacity[node];
    }
}
