package ssi.mfs;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.NonWritableChannelException;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The one cache of the cluster's open files: a file open anywhere has one copy, held for its
 * node, that every opener reads and writes, so a write is seen by every later read wherever it is
 * made. Each close of a writer commits the content atomically to the node's disk, so nothing a
 * guest closed is lost, and a crash leaves every file old or new, never torn.
 */
final class OpenFiles {
    private final Disks disks;
    private final Map<String, Shared> files = new HashMap<>(); // by canonical path

    OpenFiles(Disks disks) {
        this.disks = disks;
    }

    /** One open file: its content and who has it open. */
    private static final class Shared {
        final String canonical;
        final Path host;
        final int node;
        byte[] data;
        int size;
        long onDisk;      // its size on the node's disk
        int openers;
        boolean deleted;  // unlinked while open: its writers' closes commit nothing
        boolean lost;     // its node crashed

        Shared(String canonical, Path host, int node, byte[] data) {
            this.canonical = canonical;
            this.host = host;
            this.node = node;
            this.data = data;
            this.size = data.length;
            this.onDisk = data.length;
        }
    }

    /**
     * Opens a file for reading or writing (options as for {@link Files#newByteChannel}).
     *
     * @param shown the path as the opener named it, for errors
     */
    synchronized SeekableByteChannel open(String canonical, Path host, int node, String shown, Set<? extends OpenOption> options)
            throws IOException {
        boolean write = options.contains(StandardOpenOption.WRITE) || options.contains(StandardOpenOption.APPEND);
        Shared f = files.get(canonical);
        if (f == null) {
            boolean exists = Files.exists(host);
            if (exists && options.contains(StandardOpenOption.CREATE_NEW)) {
                throw new FileAlreadyExistsException(shown, null, "already exists");
            }
            if (exists && Files.isDirectory(host)) {
                throw new FileSystemException(shown, null, "is a directory");
            }
            if (!exists && !(write && (options.contains(StandardOpenOption.CREATE) || options.contains(StandardOpenOption.CREATE_NEW)))) {
                throw new NoSuchFileException(shown, null, "no such file or directory");
            }
            if (!exists && !Files.isDirectory(host.getParent())) {
                throw new NoSuchFileException(shown, null, "no such directory: " + shown.substring(0, Math.max(1, shown.lastIndexOf('/'))));
            }
            if (!exists) { // created now, empty, as on Unix: listings and stat see it while it is written
                HostErrors.onHost(shown, () -> {
                    AtomicWrite.replace(host, new byte[0], 0);
                    return null;
                });
            }
            byte[] data = exists ? HostErrors.onHost(shown, () -> Files.readAllBytes(host)) : new byte[0];
            f = new Shared(canonical, host, node, data);
        } else if (options.contains(StandardOpenOption.CREATE_NEW)) {
            throw new FileAlreadyExistsException(shown, null, "already exists");
        }
        if (write && options.contains(StandardOpenOption.TRUNCATE_EXISTING)) {
            f.size = 0;
        }
        files.put(canonical, f);
        f.openers++;
        return new Channel(f, shown, write, options.contains(StandardOpenOption.APPEND));
    }

    /** A file unlinked: open channels keep its content, but it is not written back. */
    synchronized void deleted(String canonical) {
        Shared f = files.remove(canonical);
        if (f != null) {
            f.deleted = true;
        }
    }

    /** A node crashed: the copies of its open files go, unwritten; their channels fail from now on. */
    synchronized void crash(int node) {
        files.values().removeIf(f -> {
            if (f.node == node) {
                f.deleted = true;
                f.lost = true;
            }
            return f.node == node;
        });
    }

    /** Whether a file is open anywhere (a rename of it is refused). */
    synchronized boolean isOpen(String canonical) {
        return files.containsKey(canonical);
    }

    /** The size of an open file as its openers see it now, or -1 if it is not open. */
    synchronized long size(String canonical) {
        Shared f = files.get(canonical);
        return f == null ? -1 : f.size;
    }

    private synchronized void commit(Shared f, String shown) throws IOException {
        if (f.deleted) {
            return;
        }
        long before = f.onDisk;
        disks.ensureRoom(f.node, f.size - before, shown);
        HostErrors.onHost(shown, () -> {
            AtomicWrite.replace(f.host, f.data, f.size);
            return null;
        });
        disks.add(f.node, f.size - before);
        f.onDisk = f.size;
    }

    private synchronized void release(Shared f) {
        if (--f.openers == 0 && files.get(f.canonical) == f) {
            files.remove(f.canonical);
        }
    }

    /** One opener's view of a shared file: its own position, the file's one content. */
    private final class Channel implements SeekableByteChannel {
        private final Shared f;
        private final String shown;
        private final boolean writable;
        private final boolean append;
        private long position;
        private boolean open = true;

        Channel(Shared f, String shown, boolean writable, boolean append) {
            this.f = f;
            this.shown = shown;
            this.writable = writable;
            this.append = append;
        }

        @Override
        public int read(ByteBuffer dst) throws IOException {
            synchronized (OpenFiles.this) {
                ensureOpen();
                if (position >= f.size) {
                    return dst.hasRemaining() ? -1 : 0;
                }
                int n = (int) Math.min(dst.remaining(), f.size - position);
                dst.put(f.data, (int) position, n);
                position += n;
                return n;
            }
        }

        @Override
        public int write(ByteBuffer src) throws IOException {
            synchronized (OpenFiles.this) {
                ensureOpen();
                if (!writable) {
                    throw new NonWritableChannelException();
                }
                if (append) {
                    position = f.size;
                }
                int n = src.remaining();
                long end = position + n;
                if (end > Integer.MAX_VALUE - 8) {
                    throw new FileSystemException(shown, null, "file too large");
                }
                disks.ensureRoom(f.node, Math.max(end, f.size) - Math.max(f.onDisk, f.size), shown);
                if (end > f.data.length) {
                    f.data = Arrays.copyOf(f.data, (int) Math.min(Integer.MAX_VALUE - 8, Math.max(end, 2L * f.data.length)));
                }
                if (position > f.size) {
                    Arrays.fill(f.data, f.size, (int) position, (byte) 0); // a hole reads as zeros
                }
                src.get(f.data, (int) position, n);
                position = end;
                f.size = (int) Math.max(f.size, end);
                return n;
            }
        }

        @Override
        public long position() {
            return position;
        }

        @Override
        public SeekableByteChannel position(long newPosition) throws IOException {
            ensureOpen();
            if (newPosition < 0) {
                throw new IllegalArgumentException("negative position");
            }
            position = newPosition;
            return this;
        }

        @Override
        public long size() throws IOException {
            synchronized (OpenFiles.this) {
                ensureOpen();
                return f.size;
            }
        }

        @Override
        public SeekableByteChannel truncate(long size) throws IOException {
            synchronized (OpenFiles.this) {
                ensureOpen();
                if (!writable) {
                    throw new NonWritableChannelException();
                }
                f.size = (int) Math.min(f.size, size);
                position = Math.min(position, size);
                return this;
            }
        }

        @Override
        public boolean isOpen() {
            return open;
        }

        @Override
        public void close() throws IOException {
            if (!open) {
                return;
            }
            open = false;
            try {
                if (writable) {
                    commit(f, shown);
                }
            } finally {
                release(f);
            }
        }

        private void ensureOpen() throws IOException {
            if (!open) {
                throw new ClosedChannelException();
            }
            if (f.lost) {
                throw new FileSystemException(shown, null, "node " + f.node + " crashed: the file is as it was last closed");
            }
        }
    }
}
