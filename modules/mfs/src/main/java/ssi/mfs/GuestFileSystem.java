package ssi.mfs;

import java.io.IOException;
import java.net.URI;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.AccessMode;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import org.graalvm.polyglot.io.FileSystem;

/**
 * The namespace as one guest process sees it: its own working directory, every path confined to
 * the namespace, writes made atomic ({@link AtomicChannel}). Wrap it with
 * {@link #forGuest} so that the languages can still read their own standard libraries.
 */
public final class GuestFileSystem implements FileSystem {
    private final Namespace ns;
    private volatile String cwd = "/";

    public GuestFileSystem(Namespace ns) {
        this.ns = ns;
    }

    /** This file system as a guest context needs it: plus read-only access to the languages' own homes and resources. */
    public FileSystem forGuest() {
        return FileSystem.allowInternalResourceAccess(FileSystem.allowLanguageHomeAccess(this));
    }

    private String guest(Path path) throws IOException {
        return Namespace.normalise(path.toString(), cwd);
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
        if (modes.contains(AccessMode.WRITE)) {
            ns.checkWritable(g);
        }
        Path h = ns.host(g);
        HostErrors.onHost(g, () -> {
            h.getFileSystem().provider().checkAccess(h, modes.stream().filter(m -> m != AccessMode.WRITE).toArray(AccessMode[]::new));
            return null;
        });
    }

    @Override
    public void createDirectory(Path dir, FileAttribute<?>... attrs) throws IOException {
        String g = guest(dir);
        ns.checkWritable(g);
        Path h = ns.host(g);
        HostErrors.onHost(g, () -> Files.createDirectory(h));
    }

    @Override
    public void delete(Path path) throws IOException {
        String g = guest(path);
        ns.checkWritable(g);
        Path h = ns.host(g);
        HostErrors.onHost(g, () -> {
            Files.delete(h);
            return null;
        });
    }

    @Override
    public SeekableByteChannel newByteChannel(Path path, Set<? extends OpenOption> options, FileAttribute<?>... attrs) throws IOException {
        String g = guest(path);
        Path h = ns.host(g);
        if (!options.contains(StandardOpenOption.WRITE) && !options.contains(StandardOpenOption.APPEND)) {
            return HostErrors.onHost(g, () -> Files.newByteChannel(h, StandardOpenOption.READ));
        }
        ns.checkWritable(g);
        return HostErrors.onHost(g, () -> AtomicChannel.open(h, options));
    }

    @Override
    public DirectoryStream<Path> newDirectoryStream(Path dir, DirectoryStream.Filter<? super Path> filter) throws IOException {
        String g = guest(dir);
        Path h = ns.host(g);
        DirectoryStream<Path> host = HostErrors.onHost(g, () -> Files.newDirectoryStream(h, p -> !AtomicChannel.isTemporary(p)));
        Path base = Path.of(g);
        return new DirectoryStream<>() {
            @Override
            public Iterator<Path> iterator() {
                Iterator<Path> it = host.iterator();
                return new Iterator<>() {
                    @Override
                    public boolean hasNext() {
                        return it.hasNext();
                    }

                    @Override
                    public Path next() {
                        return base.resolve(it.next().getFileName().toString());
                    }
                };
            }

            @Override
            public void close() throws IOException {
                host.close();
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
    public Map<String, Object> readAttributes(Path path, String attributes, LinkOption... options) throws IOException {
        String g = guest(path);
        Path h = ns.host(g);
        return HostErrors.onHost(g, () -> Files.readAttributes(h, attributes, LinkOption.NOFOLLOW_LINKS));
    }

    @Override
    public void setCurrentWorkingDirectory(Path dir) {
        try {
            String g = guest(dir);
            if (!Files.isDirectory(ns.host(g))) {
                throw new IllegalArgumentException(g + ": not a directory");
            }
            cwd = g;
        } catch (IOException e) {
            throw new IllegalArgumentException(e.getMessage());
        }
    }
}
