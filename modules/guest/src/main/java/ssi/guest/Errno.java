package ssi.guest;

/**
 * Why a system call was refused, by Linux's error names and numbers: what a guest's language
 * shows (Node's {@code err.code} and {@code err.errno}, Python's {@code OSError.errno} and the
 * subclass it picks, such as {@code FileNotFoundError} for {@code ENOENT}).
 */
public enum Errno {
    EPERM(1, "operation not permitted"),
    ENOENT(2, "no such file or directory"),
    ESRCH(3, "no such process"),
    EINTR(4, "interrupted system call"),
    EIO(5, "input/output error"),
    ENOEXEC(8, "exec format error"),
    EBADF(9, "bad file descriptor"),
    ECHILD(10, "no child processes"),
    EAGAIN(11, "resource temporarily unavailable"),
    ENOMEM(12, "cannot allocate memory"),
    EACCES(13, "permission denied"),
    EBUSY(16, "device or resource busy"),
    EEXIST(17, "file exists"),
    EXDEV(18, "invalid cross-device link"),
    ENOTDIR(20, "not a directory"),
    EISDIR(21, "is a directory"),
    EINVAL(22, "invalid argument"),
    EMFILE(24, "too many open files"),
    EFBIG(27, "file too large"),
    ENOSPC(28, "no space left on device"),
    EROFS(30, "read-only file system"),
    EPIPE(32, "broken pipe"),
    ERANGE(34, "numerical result out of range"),
    ENAMETOOLONG(36, "file name too long"),
    ENOSYS(38, "function not implemented"),
    ENOTEMPTY(39, "directory not empty"),
    EHOSTDOWN(112, "host is down"),
    ETIMEDOUT(110, "connection timed out");

    private final int number;
    private final String description;

    Errno(int number, String description) {
        this.number = number;
        this.description = description;
    }

    /** The error a refused file operation stands for, by the namespace's exception and the reason it gives. */
    public static Errno of(java.io.IOException e) {
        String reason = e instanceof java.nio.file.FileSystemException f && f.getReason() != null ? f.getReason() : String.valueOf(e.getMessage());
        return switch (e) {
            case java.nio.file.NoSuchFileException x -> ENOENT;
            case java.nio.file.FileAlreadyExistsException x -> EEXIST;
            case java.nio.file.DirectoryNotEmptyException x -> ENOTEMPTY;
            case java.nio.file.NotDirectoryException x -> ENOTDIR;
            case java.nio.file.AccessDeniedException x -> reason.startsWith("read-only") ? EROFS : EACCES;
            default -> reason.startsWith("is a directory") ? EISDIR
                    : reason.startsWith("not a directory") ? ENOTDIR
                    : reason.startsWith("directory not empty") ? ENOTEMPTY
                    : reason.startsWith("no space left") ? ENOSPC
                    : reason.startsWith("file too large") ? EFBIG
                    : reason.contains("control character") ? EINVAL
                    : reason.startsWith("open: close it") ? EBUSY
                    : EIO;
        };
    }

    /** Linux's number for it (Node shows it negated as {@code err.errno}). */
    public int number() {
        return number;
    }

    /** What it means, in words, as {@code strerror} says it (lower case). */
    public String description() {
        return description;
    }
}
