package ssi.mfs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NamespaceTest {
    @TempDir
    Path dir;

    @Test
    void pathsAreNormalisedAndConfined() throws IOException {
        assertEquals("/tmp/x", Namespace.normalise("x", "/tmp"));
        assertEquals("/etc/passwd", Namespace.normalise("/../../etc/passwd", "/"), "'..' stops at the root");
        assertEquals("/mfs/3/a", Namespace.normalise("/mfs/./3//b/../a", "/"));
        IOException odd = assertThrows(IOException.class, () -> Namespace.normalise("/tmp/a\nb", "/"));
        assertEquals("/tmp/a\\x0ab: a name with a control character", odd.getMessage());
        Namespace ns = new Namespace(dir.resolve("image/bin"), dir.resolve("state"), 2);
        assertEquals(dir.resolve("state/etc/passwd"), ns.host("/etc/passwd"), "host paths stay under the state directory");
        assertEquals(dir.resolve("image/bin/x.js"), ns.host("/bin/x.js"));
        assertThrows(AccessDeniedException.class, () -> ns.checkWritable("/bin/x.js"));
        assertThrows(AccessDeniedException.class, () -> ns.checkWritable("/mfs/1"));
        assertThrows(java.nio.file.NoSuchFileException.class, () -> ns.checkWritable("/mfs/7/x"));
        ns.checkWritable("/mfs/2/x");
        assertEquals(2, Namespace.owner("/mfs/2/x"));
        assertEquals(0, Namespace.owner("/tmp/x"));
        Files.createSymbolicLink(dir.resolve("state/tmp/out"), Path.of("/etc"));
        assertThrows(AccessDeniedException.class, () -> ns.host("/tmp/out"), "links are not followed out");
    }

    @Test
    void aWriteIsAtomicUntilItsChannelCloses() throws IOException {
        Path file = dir.resolve("f");
        Files.writeString(file, "old");
        SeekableByteChannel c = AtomicChannel.open(file, Set.of(StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING));
        c.write(ByteBuffer.wrap("new content".getBytes(StandardCharsets.UTF_8)));
        assertEquals("old", Files.readString(file), "readers see the old content until the writer closes");
        c.close();
        assertEquals("new content", Files.readString(file));
        try (SeekableByteChannel a = AtomicChannel.open(file, Set.of(StandardOpenOption.WRITE, StandardOpenOption.APPEND))) {
            a.write(ByteBuffer.wrap("!".getBytes(StandardCharsets.UTF_8)));
        }
        assertEquals("new content!", Files.readString(file));
        try (var listing = Files.list(dir)) {
            assertTrue(listing.noneMatch(AtomicChannel::isTemporary), "no temporary file left");
        }
        assertThrows(java.nio.file.NoSuchFileException.class, () -> AtomicChannel.open(dir.resolve("none"), Set.of(StandardOpenOption.WRITE)));
    }
}
