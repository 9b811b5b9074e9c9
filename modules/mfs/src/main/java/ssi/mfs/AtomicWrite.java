package ssi.mfs;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Replaces a file's content in one atomic step: the new content goes to a temporary file beside
 * it, which is forced to disk and renamed over the file. Whatever happens (a crash, a kill of the
 * JVM), the file holds its old content or its new one, never a torn mix.
 */
final class AtomicWrite {
    private static final String TEMPORARY = ".ssi-tmp-";

    private AtomicWrite() {}

    static boolean isTemporary(Path p) {
        return p.getFileName().toString().startsWith(TEMPORARY);
    }

    static void replace(Path target, byte[] data, int length) throws IOException {
        Path temporary = Files.createTempFile(target.getParent(), TEMPORARY, "");
        try {
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                ByteBuffer buf = ByteBuffer.wrap(data, 0, length);
                while (buf.hasRemaining()) {
                    channel.write(buf);
                }
                channel.force(true);
            }
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temporary);
        }
        try (FileChannel dir = FileChannel.open(target.getParent(), StandardOpenOption.READ)) {
            dir.force(true); // the rename itself reaches the disk
        }
    }
}
