package ssi.guest;

import java.io.IOException;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.function.Predicate;

/**
 * A path of the cluster's namespace as a JS guest's context holds it: a Unix path whose URI ends
 * with {@code /} when it names a directory of the namespace. (A host path's URI asks the host,
 * where these paths do not exist, and GraalJS's ES-module loader reads a package's
 * {@code package.json} against its folder's URI.)
 */
final class GuestPath implements Path {
    private final Path path;
    private final Predicate<String> isDirectory;

    private GuestPath(Path path, Predicate<String> isDirectory) {
        this.path = path;
        this.isDirectory = isDirectory;
    }

    static Path of(Path path, Predicate<String> isDirectory) {
        return path == null ? null : path instanceof GuestPath g ? g : new GuestPath(path, isDirectory);
    }

    private Path wrap(Path p) {
        return of(p, isDirectory);
    }

    /** The host path behind it, for the file systems it wraps. */
    static Path unwrap(Path p) {
        return p instanceof GuestPath g ? g.path : p;
    }

    @Override
    public FileSystem getFileSystem() {
        return path.getFileSystem();
    }

    @Override
    public boolean isAbsolute() {
        return path.isAbsolute();
    }

    @Override
    public Path getRoot() {
        return wrap(path.getRoot());
    }

    @Override
    public Path getFileName() {
        return wrap(path.getFileName());
    }

    @Override
    public Path getParent() {
        return wrap(path.getParent());
    }

    @Override
    public int getNameCount() {
        return path.getNameCount();
    }

    @Override
    public Path getName(int index) {
        return wrap(path.getName(index));
    }

    @Override
    public Path subpath(int beginIndex, int endIndex) {
        return wrap(path.subpath(beginIndex, endIndex));
    }

    @Override
    public boolean startsWith(Path other) {
        return path.startsWith(unwrap(other));
    }

    @Override
    public boolean endsWith(Path other) {
        return path.endsWith(unwrap(other));
    }

    @Override
    public Path normalize() {
        return wrap(path.normalize());
    }

    @Override
    public Path resolve(Path other) {
        return wrap(path.resolve(unwrap(other)));
    }

    @Override
    public Path relativize(Path other) {
        return wrap(path.relativize(unwrap(other)));
    }

    @Override
    public URI toUri() {
        String p = path.toAbsolutePath().normalize().toString();
        boolean dir = !p.endsWith("/") && isDirectory.test(p);
        try {
            return new URI("file", "", dir ? p + "/" : p, null);
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException(p + ": not a path a URI can hold", e);
        }
    }

    @Override
    public Path toAbsolutePath() {
        return wrap(path.toAbsolutePath());
    }

    @Override
    public Path toRealPath(LinkOption... options) throws IOException {
        throw new UnsupportedOperationException("a namespace path: ask its file system");
    }

    @Override
    public WatchKey register(WatchService watcher, WatchEvent.Kind<?>[] events, WatchEvent.Modifier... modifiers) {
        throw new UnsupportedOperationException("no watching in the namespace");
    }

    @Override
    public int compareTo(Path other) {
        return path.compareTo(unwrap(other));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof GuestPath g && path.equals(g.path);
    }

    @Override
    public int hashCode() {
        return path.hashCode();
    }

    @Override
    public String toString() {
        return path.toString();
    }
}
