package ssi.mfs;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/**
 * Host file operations seen from the namespace: every error names the guest's path (never the
 * host's) and says what is wrong in words, keeping its type so that languages map it as usual
 * (Python's FileNotFoundError, PermissionError, ...).
 */
final class HostErrors {
    private HostErrors() {}

    interface HostCall<T> {
        T run() throws IOException;
    }

    /** A {@link NotDirectoryException} that says so in words (its own constructor takes no reason). */
    static NotDirectoryException notDirectory(String path) {
        return new NotDirectoryException(path) {
            @Override
            public String getReason() {
                return "not a directory";
            }
        };
    }

    static <T> T onHost(String guestPath, HostCall<T> call) throws IOException {
        try {
            return call.run();
        } catch (NoSuchFileException e) {
            throw new NoSuchFileException(guestPath, null, "no such file or directory");
        } catch (FileAlreadyExistsException e) {
            throw new FileAlreadyExistsException(guestPath, null, "already exists");
        } catch (DirectoryNotEmptyException e) {
            throw new FileSystemException(guestPath, null, "directory not empty");
        } catch (NotDirectoryException e) {
            throw notDirectory(guestPath);
        } catch (AccessDeniedException e) {
            throw new AccessDeniedException(guestPath, null, e.getReason() != null ? e.getReason() : "permission denied");
        } catch (FileSystemException e) {
            throw new FileSystemException(guestPath, null, e.getReason() != null ? e.getReason() : "input/output error");
        } catch (IOException e) {
            throw new FileSystemException(guestPath, null, "input/output error"); // the host's message may name host paths
        }
    }
}
