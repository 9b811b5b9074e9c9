package ssi.guest;

import java.util.ArrayList;
import java.util.List;
import org.graalvm.polyglot.proxy.ProxyArray;
import org.graalvm.polyglot.proxy.ProxyObject;

/**
 * A guest process's descriptor table and its file calls: files of its namespace, pipe ends, and
 * its terminal (0, 1, 2). Python reaches the same file system through its own {@code open} and
 * {@code os}; these calls are for JavaScript, and pipes for both.
 */
final class Descriptors {
    private final GuestProcess process;

    Descriptors(GuestProcess process) {
        this.process = process;
        descriptors.put(0, TERMINAL); // stdin: empty unless a pipe end was given
        descriptors.put(1, TERMINAL);
        descriptors.put(2, TERMINAL);
        process.calls().ends().forEach((fd, end) -> {
            descriptors.put(fd, new End(end));
            nextFd = Math.max(nextFd, fd + 1);
        });
    }

    /** What a descriptor stands for: a file's channel, a pipe end, or the process's terminal (0, 1, 2). */
    private record End(int id) {}

    private static final Object TERMINAL = new Object();
    private final java.util.Map<Integer, Object> descriptors = new java.util.HashMap<>();
    private int nextFd = 3;

    private int add(Object what) {
        descriptors.put(nextFd, what);
        return nextFd++;
    }

    /** The pipe end a descriptor stands for. */
    int end(String call, int fd) {
        if (descriptors.get(fd) instanceof End e) {
            return e.id();
        }
        throw new SyscallException(Errno.EBADF, call + ": descriptor " + fd + " is not a pipe end");
    }

    /** Opens a file: mode {@code r}, {@code w} (create or truncate) or {@code a} (create or append); returns a descriptor. */
    int open(String path, String mode) {
        java.util.Set<java.nio.file.OpenOption> options = switch (mode) {
            case "r" -> java.util.Set.of(java.nio.file.StandardOpenOption.READ);
            case "w" -> java.util.Set.of(java.nio.file.StandardOpenOption.WRITE, java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.TRUNCATE_EXISTING);
            case "a" -> java.util.Set.of(java.nio.file.StandardOpenOption.WRITE, java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.APPEND);
            default -> throw new SyscallException("open: mode must be r, w or a, got '" + mode + "'");
        };
        return add(file("open", path, () -> process.files().newByteChannel(absolute(path), options)));
    }

    /** Makes a pipe: returns its read end's descriptor and its write end's. */
    ProxyArray pipe() {
        int[] ends = (int[]) process.trap(new Syscall.Pipe());
        return ProxyArray.fromArray(add(new End(ends[0])), add(new End(ends[1])));
    }

    private Object descriptor(String call, int fd) {
        Object d = descriptors.get(fd);
        if (d == null) {
            throw new SyscallException(Errno.EBADF, call + ": no open descriptor " + fd);
        }
        return d;
    }

    /** Reads up to {@code max} bytes (all that is left if negative) as UTF-8 text; empty at the end. A pipe waits for some. */
    String read(int fd, double max) {
        Object d = descriptor("read", fd);
        if (d == TERMINAL) {
            return fd == 0 ? "" : failRead(fd);
        }
        if (d instanceof End e) {
            byte[] got = (byte[]) process.trap(new Syscall.PipeRead(e.id(), max < 0 ? Integer.MAX_VALUE : (int) Math.min(max, Integer.MAX_VALUE)));
            return new String(got, java.nio.charset.StandardCharsets.UTF_8);
        }
        java.nio.channels.SeekableByteChannel c = (java.nio.channels.SeekableByteChannel) d;
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

    private static String failRead(int fd) {
        throw new SyscallException(Errno.EBADF, "read: descriptor " + fd + " is for writing");
    }

    /** Writes text (UTF-8); returns the bytes written. A pipe waits for room; 1 and 2 are the process's stdout and stderr. */
    int write(int fd, String text) {
        Object d = descriptor("write", fd);
        byte[] bytes = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        if (d == TERMINAL) {
            if (fd == 0) {
                throw new SyscallException(Errno.EBADF, "write: descriptor 0 is for reading");
            }
            process.print(fd == 2, bytes);
            return bytes.length;
        }
        if (d instanceof End e) {
            int done = 0;
            while (done < bytes.length) { // a signal handler may have cut a write short: go on with the rest
                byte[] rest = done == 0 ? bytes : java.util.Arrays.copyOfRange(bytes, done, bytes.length);
                done += (Integer) process.trap(new Syscall.PipeWrite(e.id(), rest));
            }
            return done;
        }
        java.nio.channels.SeekableByteChannel c = (java.nio.channels.SeekableByteChannel) d;
        return file("write", "descriptor " + fd, () -> {
            java.nio.ByteBuffer buf = java.nio.ByteBuffer.wrap(bytes);
            while (buf.hasRemaining()) {
                c.write(buf);
            }
            return bytes.length;
        });
    }

    /** Closes a descriptor: a file written through it now holds its new content; a pipe's reader sees the end once every writer closed. */
    void close(int fd) {
        Object d = descriptor("close", fd);
        descriptors.remove(fd);
        if (d instanceof End e) {
            process.trap(new Syscall.PipeClose(e.id()));
        } else if (d instanceof java.nio.channels.SeekableByteChannel c) {
            file("close", "descriptor " + fd, () -> {
                c.close();
                return null;
            });
        }
    }

    /** A file's size, whether it is a directory, and its modification time in seconds. */
    ProxyObject stat(String path) {
        java.util.Map<String, Object> a = file("stat", path, () -> process.files().readAttributes(absolute(path), "size,isDirectory,lastModifiedTime"));
        return ProxyObject.fromMap(java.util.Map.of("size", a.get("size"), "isDirectory", a.get("isDirectory"),
                "mtime", ((java.nio.file.attribute.FileTime) a.get("lastModifiedTime")).toMillis() / 1000.0));
    }

    /** The names in a directory, sorted. */
    ProxyArray listdir(String path) {
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

    void unlink(String path) {
        file("unlink", path, () -> {
            process.files().delete(absolute(path));
            return null;
        });
    }

    void mkdir(String path) {
        file("mkdir", path, () -> {
            process.files().createDirectory(absolute(path));
            return null;
        });
    }

    /** Changes the working directory. */
    void chdir(String dir) {
        file("chdir", dir, () -> {
            try {
                process.chdir(dir);
            } catch (IllegalArgumentException e) { // the file system's way to refuse a directory
                throw new java.nio.file.NoSuchFileException(dir, null, "no such directory");
            }
            return null;
        });
    }

    /** A path as it can be shown: control characters written as escapes. */
    static String printable(String path) {
        StringBuilder b = new StringBuilder();
        for (char c : path.toCharArray()) {
            b.append(c < 0x20 || c == 0x7f ? String.format("\\x%02x", (int) c) : String.valueOf(c));
        }
        return b.toString();
    }

    private java.nio.file.Path absolute(String path) {
        return process.files().toAbsolutePath(process.files().parsePath(path));
    }

    private interface FileCall<T> {
        T run() throws java.io.IOException;
    }

    /** Runs a file operation, turning a refusal into an error that names the call, the path and the reason. */
    private static <T> T file(String call, String path, FileCall<T> body) {
        try {
            return body.run();
        } catch (java.nio.file.FileSystemException e) { // the namespace says what is wrong in its reason
            Errno errno = Errno.of(e);
            String why = e.getReason() != null ? e.getReason() : errno.description();
            throw new SyscallException(errno, call + ": " + (e.getFile() == null ? printable(path) : e.getFile()) + ": " + why);
        } catch (java.io.IOException e) {
            throw new SyscallException(Errno.of(e), call + ": " + printable(path) + ": " + e.getMessage());
        } catch (java.nio.file.InvalidPathException e) { // a name the host's paths cannot hold (a NUL)
            throw new SyscallException(Errno.EINVAL, call + ": " + printable(path) + ": not a valid path name");
        } catch (SecurityException | UnsupportedOperationException | IllegalArgumentException e) {
            throw new SyscallException(Errno.EACCES, call + ": " + printable(path) + ": not permitted");
        }
    }
}
