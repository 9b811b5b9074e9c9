package ssi.mfs;

import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.AccessMode;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.graalvm.polyglot.io.FileSystem;

/**
 * The namespace as one guest process sees it: its own working directory, its home's
 * {@code /home} and {@code /tmp}, every path confined. Every operation on a file that may change
 * goes through the process's {@link FileGate}, so that the kernel orders it in virtual time and
 * charges it; reads of the image's tree ({@code /bin}, {@code /lib}, ...), which never changes, are done at once. Wrap it with
 * {@link #forGuest} so that the languages can still read their own standard libraries.
 */
public final class GuestFileSystem implements FileSystem {
    private final FileView view;
    private final FileGate gate;
    private volatile String cwd = "/";

    public GuestFileSystem(FileView view, FileGate gate) {
        this.view = view;
        this.gate = gate;
    }

    /** This file system as a guest context needs it: plus read-only access to the languages' own homes and resources. */
    public FileSystem forGuest() {
        return FileSystem.allowInternalResourceAccess(FileSystem.allowLanguageHomeAccess(this));
    }

    private String guest(Path path) throws IOException {
        return Namespace.normalise(path.toString(), cwd);
    }

    /**
     * Runs an operation through the gate, or at once if it only reads the image's tree, or looks
     * up a name of code that has no file ({@code <frozen os>}, {@code <string>}): GraalPy does so
     * or not depending on what its engine has cached, which must not change the trace.
     */
    private Object call(String path, FileCall.Kind kind, long bytes, FileCall.Operation op) throws IOException {
        boolean free = kind != FileCall.Kind.WRITE && (view.readOnly(path) || isCodeName(path));
        return free ? op.run() : gate.pass(new FileCall(path, view.node(path), kind, bytes, op));
    }

    private static boolean isCodeName(String path) {
        return path.startsWith("/<") && path.endsWith(">") && path.indexOf('/', 1) < 0;
    }

    @Override
    public Path parsePath(URI uri) {
        return Path.of(uri.getPath());
    }

    @Override
    public Path parsePath(String path) {
        return Path.of(path);
    }

    @Override
    public void checkAccess(Path path, Set<? extends AccessMode> modes, LinkOption... options) throws IOException {
        String g = guest(path);
        call(g, FileCall.Kind.META, 0, () -> {
            if (modes.contains(AccessMode.WRITE)) {
                view.checkWritable(g);
            }
            if (!g.equals("/")) {
                Path h = view.host(g);
                HostErrors.onHost(g, () -> {
                    h.getFileSystem().provider().checkAccess(h, modes.stream().filter(m -> m != AccessMode.WRITE).toArray(AccessMode[]::new));
                    return null;
                });
            }
            return null;
        });
    }

    @Override
    public void createDirectory(Path dir, FileAttribute<?>... attrs) throws IOException {
        String g = guest(dir);
        call(g, FileCall.Kind.META, 0, () -> {
            view.mkdir(g);
            return null;
        });
    }

    @Override
    public void delete(Path path) throws IOException {
        String g = guest(path);
        call(g, FileCall.Kind.META, 0, () -> {
            view.delete(g);
            return null;
        });
    }

    @Override
    public SeekableByteChannel newByteChannel(Path path, Set<? extends OpenOption> options, FileAttribute<?>... attrs) throws IOException {
        String g = guest(path);
        SeekableByteChannel c = (SeekableByteChannel) call(g, FileCall.Kind.META, 0, () -> view.open(g, options));
        return view.readOnly(g) ? c : new GatedChannel(g, c);
    }

    @Override
    public DirectoryStream<Path> newDirectoryStream(Path dir, DirectoryStream.Filter<? super Path> filter) throws IOException {
        String g = guest(dir);
        @SuppressWarnings("unchecked")
        List<String> names = (List<String>) call(g, FileCall.Kind.META, 0, () -> view.list(g));
        Path base = Path.of(g);
        List<Path> entries = new ArrayList<>();
        for (String name : names) {
            Path p = base.resolve(name.endsWith("/") ? name.substring(0, name.length() - 1) : name);
            if (filter.accept(p)) {
                entries.add(p);
            }
        }
        return new DirectoryStream<>() {
            @Override
            public java.util.Iterator<Path> iterator() {
                return entries.iterator();
            }

            @Override
            public void close() {
                // nothing held: the listing was read whole
            }
        };
    }

    @Override
    public Path toAbsolutePath(Path path) {
        return path.isAbsolute() ? path : Path.of(cwd).resolve(path);
    }

    @Override
    public Path toRealPath(Path path, LinkOption... options) throws IOException {
        return Path.of(guest(path));
    }

    @Override
    @SuppressWarnings("unchecked")
    public Map<String, Object> readAttributes(Path path, String attributes, LinkOption... options) throws IOException {
        String g = guest(path);
        return (Map<String, Object>) call(g, FileCall.Kind.META, 0, () -> {
            if (g.equals("/")) {
                return HostErrors.onHost(g, () -> Files.readAttributes(view.host("/mfs"), attributes, LinkOption.NOFOLLOW_LINKS));
            }
            return view.attributes(g, attributes);
        });
    }

    @Override
    public void setCurrentWorkingDirectory(Path dir) {
        try {
            String g = guest(dir);
            view.requireDirectory(g);
            cwd = g;
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException(e.getFile() + ": " + e.getReason());
        } catch (IOException e) {
            throw new IllegalArgumentException(e.getMessage());
        }
    }

    /** A channel whose every read and write goes through the gate: each is one call, charged by its bytes. */
    private final class GatedChannel implements SeekableByteChannel {
        private final String path;
        private final SeekableByteChannel channel;

        GatedChannel(String path, SeekableByteChannel channel) {
            this.path = path;
            this.channel = channel;
        }

        @Override
        public int read(ByteBuffer dst) throws IOException {
            return (Integer) call(path, FileCall.Kind.READ, dst.remaining(), () -> channel.read(dst));
        }

        @Override
        public int write(ByteBuffer src) throws IOException {
            return (Integer) call(path, FileCall.Kind.WRITE, src.remaining(), () -> channel.write(src));
        }

        @Override
        public long position() throws IOException {
            return channel.position(); // the opener's own: nothing to order
        }

        @Override
        public SeekableByteChannel position(long newPosition) throws IOException {
            channel.position(newPosition);
            return this;
        }

        @Override
        public long size() throws IOException {
            return (Long) call(path, FileCall.Kind.META, 0, channel::size);
        }

        @Override
        public SeekableByteChannel truncate(long size) throws IOException {
            call(path, FileCall.Kind.META, 0, () -> channel.truncate(size));
            return this;
        }

        @Override
        public boolean isOpen() {
            return channel.isOpen();
        }

        @Override
        public void close() throws IOException {
            if (channel.isOpen()) {
                call(path, FileCall.Kind.META, 0, () -> {
                    channel.close();
                    return null;
                });
            }
        }
    }
}
