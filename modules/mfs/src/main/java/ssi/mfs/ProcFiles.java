package ssi.mfs;

import java.io.IOException;
import java.util.List;

/**
 * What the namespace shows under {@code /proc}: files made of the cluster's state, served by the
 * kernel. {@code reader} is the pid of the process that asks, or 0 for the shell (the cluster's
 * administrator). Paths are relative to {@code /proc} (empty for {@code /proc} itself).
 */
public interface ProcFiles {
    /** The names in a directory, directories marked with a trailing {@code /}; throws NoSuchFileException if none. */
    List<String> list(String path, int reader) throws IOException;

    /** Whether the path is a directory (false for a file; NoSuchFileException if neither). */
    boolean isDirectory(String path, int reader) throws IOException;

    /** A file's content now. */
    String read(String path, int reader) throws IOException;

    /** Writes a file: the cluster acts on it at once, or refuses with the reason. */
    void write(String path, int reader, String text) throws IOException;
}
