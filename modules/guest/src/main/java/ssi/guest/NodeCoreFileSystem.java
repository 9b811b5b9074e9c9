package ssi.guest;

import java.io.IOException;
import java.net.URI;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessMode;
import java.nio.file.DirectoryStream;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.ReadOnlyFileSystemException;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.FileTime;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.graalvm.polyglot.io.FileSystem;

/**
 * A JS guest's file system: the cluster's namespace, plus the read-only stubs of Node's built-in
 * modules under {@link NodeCore#DIRECTORY} that GraalJS's {@code require} loads.
 */
final class NodeCoreFileSystem implements FileSystem {
    private final FileSystem cluster;

    NodeCoreFileSystem(FileSystem cluster) {
        this.cluster = cluster;
    }

    /** A path handed to GraalJS: its URI knows the namespace's directories. */
    private Path out(Path path) {
        return GuestPath.of(path, p -> {
            try {
                return Boolean.TRUE.equals(readAttributes(Path.of(p), "isDirectory").get("isDirectory"));
            } catch (IOException | RuntimeException e) {
                return false;
            }
        });
    }

    private static Path in(Path path) {
        return GuestPath.unwrap(path);
    }

    /** The built-in whose stub a path names, or null: a path of the cluster. */
    private String stub(Path path) {
        return path.isAbsolute() ? NodeCore.nameAt(path.normalize().toString()) : null;
    }

    private static boolean stubDirectory(Path path) {
        return path.isAbsolute() && NodeCore.isDirectory(path.normalize().toString());
    }

    @Override
    public Path parsePath(URI uri) {
        return out(cluster.parsePath(uri));
    }

    @Override
    public Path parsePath(String path) {
        return out(cluster.parsePath(path));
    }

    @Override
    public void checkAccess(Path path, Set<? extends AccessMode> modes, LinkOption... options) throws IOException {
        if (stub(path) != null || stubDirectory(path)) {
            if (modes.contains(AccessMode.WRITE)) {
                throw new java.nio.file.AccessDeniedException(path.toString(), null, "read-only");
            }
            return;
        }
        cluster.checkAccess(in(path), modes, options);
    }

    @Override
    public void createDirectory(Path dir, FileAttribute<?>... attrs) throws IOException {
        if (stubDirectory(dir)) {
            throw new ReadOnlyFileSystemException();
        }
        cluster.createDirectory(in(dir), attrs);
    }

    @Override
    public void delete(Path path) throws IOException {
        if (stub(path) != null || stubDirectory(path)) {
            throw new ReadOnlyFileSystemException();
        }
        cluster.delete(in(path));
    }

    @Override
    public SeekableByteChannel newByteChannel(Path path, Set<? extends OpenOption> options, FileAttribute<?>... attrs) throws IOException {
        String name = stub(path);
        if (name == null) {
            return cluster.newByteChannel(in(path), options, attrs);
        }
        if (options.contains(StandardOpenOption.WRITE) || options.contains(StandardOpenOption.APPEND)) {
            throw new java.nio.file.AccessDeniedException(path.toString(), null, "read-only");
        }
        return ssi.mfs.TextChannel.reader(NodeCore.stub(name));
    }

    @Override
    public DirectoryStream<Path> newDirectoryStream(Path dir, DirectoryStream.Filter<? super Path> filter) throws IOException {
        DirectoryStream<Path> entries = cluster.newDirectoryStream(in(dir), p -> filter.accept(out(p)));
        return new DirectoryStream<>() {
            @Override
            public java.util.Iterator<Path> iterator() {
                java.util.Iterator<Path> i = entries.iterator();
                return new java.util.Iterator<>() {
                    @Override
                    public boolean hasNext() {
                        return i.hasNext();
                    }

                    @Override
                    public Path next() {
                        return out(i.next());
                    }
                };
            }

            @Override
            public void close() throws IOException {
                entries.close();
            }
        };
    }

    @Override
    public Path toAbsolutePath(Path path) {
        return out(cluster.toAbsolutePath(in(path)));
    }

    @Override
    public Path toRealPath(Path path, LinkOption... linkOptions) throws IOException {
        return stub(path) != null || stubDirectory(path) ? out(in(path).normalize()) : out(cluster.toRealPath(in(path), linkOptions));
    }

    @Override
    public Map<String, Object> readAttributes(Path path, String attributes, LinkOption... options) throws IOException {
        String name = stub(path);
        if (name == null && !stubDirectory(path)) {
            return cluster.readAttributes(in(path), attributes, options);
        }
        Map<String, Object> a = new HashMap<>();
        FileTime epoch = FileTime.fromMillis(0);
        a.put("isRegularFile", name != null);
        a.put("isDirectory", name == null);
        a.put("isSymbolicLink", false);
        a.put("isOther", false);
        a.put("size", name == null ? 0L : (long) NodeCore.stub(name).getBytes(StandardCharsets.UTF_8).length);
        a.put("lastModifiedTime", epoch);
        a.put("lastAccessTime", epoch);
        a.put("creationTime", epoch);
        a.put("fileKey", null);
        return a;
    }

    @Override
    public void setCurrentWorkingDirectory(Path currentWorkingDirectory) {
        cluster.setCurrentWorkingDirectory(in(currentWorkingDirectory));
    }

    @Override
    public String getSeparator() {
        return cluster.getSeparator();
    }

    @Override
    public String getPathSeparator() {
        return cluster.getPathSeparator();
    }

    @Override
    public String getMimeType(Path path) {
        return cluster.getMimeType(in(path));
    }

    @Override
    public Charset getEncoding(Path path) {
        return cluster.getEncoding(in(path));
    }

    @Override
    public Path getTempDirectory() {
        return out(cluster.getTempDirectory());
    }

    @Override
    public boolean isSameFile(Path path1, Path path2, LinkOption... options) throws IOException {
        return cluster.isSameFile(in(path1), in(path2), options);
    }
}
