package ssi.guest;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyArray;

/**
 * The raw system-call object handed to a guest's prelude, which wraps it in the language's own
 * {@code ssi} module and hides it. Only {@link HostAccess.Export}ed members are visible.
 */
public final class SsiBinding {
    private final GuestProcess process;
    private final SplittableRandom random;

    SsiBinding(GuestProcess process) {
        this.process = process;
        this.random = new SplittableRandom(process.program().seed() * 0x9E3779B97F4A7C15L + process.calls().getpid());
    }

    @HostAccess.Export
    public int getpid() {
        return process.calls().getpid();
    }

    @HostAccess.Export
    public int getppid() {
        return process.calls().getppid();
    }

    @HostAccess.Export
    public double time() {
        return process.calls().time(process.workInSlice());
    }

    @HostAccess.Export
    public double random() {
        return random.nextDouble();
    }

    @HostAccess.Export
    public long seed() {
        return random.split().nextLong();
    }

    @HostAccess.Export
    public String path() {
        return process.program().path();
    }

    @HostAccess.Export
    public ProxyArray args() {
        return ProxyArray.fromList(new ArrayList<>(process.program().args()));
    }

    @HostAccess.Export
    public int spawn(String path, Value args) {
        List<String> list = new ArrayList<>();
        if (args != null && !args.isNull()) {
            if (!args.hasArrayElements()) {
                throw new SyscallException("spawn: args must be a list of strings");
            }
            for (long i = 0; i < args.getArraySize(); i++) {
                Value a = args.getArrayElement(i);
                list.add(a.isString() ? a.asString() : a.toString());
            }
        }
        return (Integer) process.trap(new Syscall.Spawn(path, list));
    }

    @HostAccess.Export
    public int wait(int pid) {
        return (Integer) process.trap(new Syscall.Wait(pid));
    }

    @HostAccess.Export
    public void sleep(double seconds) {
        if (!(seconds >= 0) || Double.isInfinite(seconds)) {
            throw new SyscallException("sleep: seconds must be a finite number >= 0, got " + seconds);
        }
        process.trap(new Syscall.Sleep(seconds));
    }

    @HostAccess.Export
    public void exit(int status) {
        process.trap(new Syscall.Exit(status));
    }

    @HostAccess.Export
    public int where() {
        return process.calls().where();
    }

    /** Moves to a node, given by id or name, or {@code home}; returns the node it runs on afterwards. */
    @HostAccess.Export
    public int migrate(Value target) {
        if (target == null || !(target.isString() || target.fitsInInt())) {
            throw new SyscallException("migrate: target must be a node id, a node name or 'home', got " + target);
        }
        return (Integer) process.trap(new Syscall.Migrate(target.isString() ? target.asString() : String.valueOf(target.asInt())));
    }

    @HostAccess.Export
    public void lock(boolean locked) {
        process.calls().lock(locked);
    }

    @HostAccess.Export
    public int alloc(double bytes) {
        return (Integer) process.trap(new Syscall.Alloc(whole("alloc", "bytes", bytes)));
    }

    @HostAccess.Export
    public void free(int handle) {
        process.trap(new Syscall.Free(handle));
    }

    @HostAccess.Export
    public void touch(int handle, double offset, double length) {
        process.calls().touch(handle, whole("touch", "offset", offset), length < 0 ? -1 : whole("touch", "length", length));
    }

    @HostAccess.Export
    public int shmget(int key, double bytes) {
        return (Integer) process.trap(new Syscall.ShmGet(key, whole("shmget", "bytes", bytes)));
    }

    @HostAccess.Export
    public void shmat(int id) {
        process.trap(new Syscall.ShmAt(id));
    }

    private static long whole(String call, String what, double v) {
        if (!(v >= 0) || v != Math.floor(v) || v > Long.MAX_VALUE) {
            throw new SyscallException(call + ": " + what + " must be a whole number >= 0, got " + v);
        }
        return (long) v;
    }

    // ---- files (Python uses its own open, os.*: they reach the same file system) ----

    private final java.util.Map<Integer, java.nio.channels.SeekableByteChannel> open = new java.util.HashMap<>();
    private int nextFd = 3;

    /** Opens a file: mode {@code r}, {@code w} (create or truncate) or {@code a} (create or append); returns a descriptor. */
    @HostAccess.Export
    public int open(String path, String mode) {
        java.util.Set<java.nio.file.OpenOption> options = switch (mode) {
            case "r" -> java.util.Set.of(java.nio.file.StandardOpenOption.READ);
            case "w" -> java.util.Set.of(java.nio.file.StandardOpenOption.WRITE, java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.TRUNCATE_EXISTING);
            case "a" -> java.util.Set.of(java.nio.file.StandardOpenOption.WRITE, java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.APPEND);
            default -> throw new SyscallException("open: mode must be r, w or a, got '" + mode + "'");
        };
        java.nio.channels.SeekableByteChannel c = file("open", path, () -> process.files().newByteChannel(absolute(path), options));
        open.put(nextFd, c);
        return nextFd++;
    }

    /** Reads up to {@code max} bytes (all that is left if negative) as UTF-8 text; empty at the end. */
    @HostAccess.Export
    public String read(int fd, double max) {
        java.nio.channels.SeekableByteChannel c = channel("read", fd);
        return file("read", "descriptor " + fd, () -> {
            java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
            java.nio.ByteBuffer buf = java.nio.ByteBuffer.allocate(8192);
            long left = max < 0 ? Long.MAX_VALUE : (long) max;
            while (left > 0) {
                buf.clear().limit((int) Math.min(buf.capacity(), left));
                int n = c.read(buf);
                if (n <= 0) {
                    break;
                }
                bytes.write(buf.array(), 0, n);
                left -= n;
            }
            return bytes.toString(java.nio.charset.StandardCharsets.UTF_8);
        });
    }

    /** Writes text (UTF-8); returns the bytes written. */
    @HostAccess.Export
    public int write(int fd, String text) {
        java.nio.channels.SeekableByteChannel c = channel("write", fd);
        byte[] bytes = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return file("write", "descriptor " + fd, () -> {
            java.nio.ByteBuffer buf = java.nio.ByteBuffer.wrap(bytes);
            while (buf.hasRemaining()) {
                c.write(buf);
            }
            return bytes.length;
        });
    }

    /** Closes a descriptor: a file written through it now holds its new content. */
    @HostAccess.Export
    public void close(int fd) {
        java.nio.channels.SeekableByteChannel c = channel("close", fd);
        open.remove(fd);
        file("close", "descriptor " + fd, () -> {
            c.close();
            return null;
        });
    }

    /** A file's size, whether it is a directory, and its modification time in seconds. */
    @HostAccess.Export
    public org.graalvm.polyglot.proxy.ProxyObject stat(String path) {
        java.util.Map<String, Object> a = file("stat", path, () -> process.files().readAttributes(absolute(path), "size,isDirectory,lastModifiedTime"));
        return org.graalvm.polyglot.proxy.ProxyObject.fromMap(java.util.Map.of("size", a.get("size"), "isDirectory", a.get("isDirectory"),
                "mtime", ((java.nio.file.attribute.FileTime) a.get("lastModifiedTime")).toMillis() / 1000.0));
    }

    /** The names in a directory, sorted. */
    @HostAccess.Export
    public ProxyArray listdir(String path) {
        List<Object> names = file("listdir", path, () -> {
            List<Object> out = new ArrayList<>();
            try (java.nio.file.DirectoryStream<java.nio.file.Path> d = process.files().newDirectoryStream(absolute(path), p -> true)) {
                d.forEach(p -> out.add(p.getFileName().toString()));
            }
            out.sort(java.util.Comparator.comparing(Object::toString));
            return out;
        });
        return ProxyArray.fromList(names);
    }

    @HostAccess.Export
    public void unlink(String path) {
        file("unlink", path, () -> {
            process.files().delete(absolute(path));
            return null;
        });
    }

    @HostAccess.Export
    public void mkdir(String path) {
        file("mkdir", path, () -> {
            process.files().createDirectory(absolute(path));
            return null;
        });
    }

    private java.nio.file.Path absolute(String path) {
        return process.files().toAbsolutePath(process.files().parsePath(path));
    }

    private java.nio.channels.SeekableByteChannel channel(String call, int fd) {
        java.nio.channels.SeekableByteChannel c = open.get(fd);
        if (c == null) {
            throw new SyscallException(call + ": no open descriptor " + fd);
        }
        return c;
    }

    private interface FileCall<T> {
        T run() throws java.io.IOException;
    }

    /** Runs a file operation, turning a refusal into an error that names the call, the path and the reason. */
    private static <T> T file(String call, String path, FileCall<T> body) {
        try {
            return body.run();
        } catch (java.nio.file.FileSystemException e) { // the namespace says what is wrong in its reason
            String why = e.getReason() != null ? e.getReason() : e.getClass().getSimpleName();
            throw new SyscallException(call + ": " + (e.getFile() == null ? path : e.getFile()) + ": " + why);
        } catch (java.io.IOException | SecurityException | UnsupportedOperationException e) {
            throw new SyscallException(call + ": " + path + ": " + e.getMessage());
        }
    }
}
