package ssi.mfs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NamespaceTest {
    private static final Set<StandardOpenOption> REWRITE = Set.of(StandardOpenOption.WRITE, StandardOpenOption.CREATE,
            StandardOpenOption.TRUNCATE_EXISTING);

    @TempDir
    Path dir;

    private Namespace namespace(long... disks) throws IOException {
        Files.createDirectories(dir.resolve("image/bin"));
        Files.createDirectories(dir.resolve("image/lib/python"));
        Files.createDirectories(dir.resolve("image/tmp")); // a mount point's name: not the image's
        return new Namespace(dir.resolve("image"), dir.resolve("state"), java.util.Arrays.stream(disks).boxed().toList());
    }

    @Test
    void pathsAreNormalisedAndConfined() throws IOException {
        assertEquals("/tmp/x", Namespace.normalise("x", "/tmp"));
        assertEquals("/etc/passwd", Namespace.normalise("/../../etc/passwd", "/"), "'..' stops at the root");
        assertEquals("/mfs/3/a", Namespace.normalise("/mfs/./3//b/../a", "/"));
        IOException odd = assertThrows(IOException.class, () -> Namespace.normalise("/tmp/a\nb", "/"));
        assertEquals("/tmp/a\\x0ab: a name with a control character", odd.getMessage());
        FileView two = namespace(1 << 20, 1 << 20).view(2);
        assertEquals("/mfs/2/tmp/x", two.canonical("/tmp/x"), "a process's /tmp is its home node's");
        assertEquals("/mfs/1/home/a", two.canonical("/mfs/1/home/a"));
        assertEquals(2, two.node("/home/a"));
        assertEquals(1, two.node("/mfs/1/x"));
        assertEquals(0, two.node("/bin/x.js"), "every node has the image's programs");
        assertEquals(dir.resolve("state/mfs/2/tmp/x"), two.host("/tmp/x"), "host paths stay under the state directory");
        assertEquals(dir.resolve("image/bin/x.js"), two.host("/bin/x.js"));
        assertEquals(List.of("bin/", "home/", "lib/", "mfs/", "tmp/"), two.list("/"), "the image's directories and the mount points");
        assertEquals(0, two.node("/lib/python/x.py"));
        assertEquals("/lib/python/x.py: read-only", assertThrows(AccessDeniedException.class, () -> two.checkWritable("/lib/python/x.py")).getMessage());
        assertEquals(dir.resolve("state/mfs/2/tmp/y"), two.host("/tmp/y"), "the image's own tmp is hidden by the mount");
        assertEquals(List.of("1/", "2/"), two.list("/mfs"));
        assertEquals("/bin/x.js: read-only", assertThrows(AccessDeniedException.class, () -> two.checkWritable("/bin/x.js")).getMessage());
        assertThrows(AccessDeniedException.class, () -> two.checkWritable("/mfs/1"));
        assertThrows(AccessDeniedException.class, () -> two.checkWritable("/tmp"), "a mount point");
        assertThrows(AccessDeniedException.class, () -> two.checkWritable("/etc/passwd"), "nothing but the image's directories and the mounts at the root");
        assertThrows(NoSuchFileException.class, () -> two.checkWritable("/mfs/7/x"));
        two.checkWritable("/mfs/2/x");
        Files.createSymbolicLink(dir.resolve("state/mfs/2/tmp/out"), Path.of("/etc"));
        assertThrows(AccessDeniedException.class, () -> two.host("/tmp/out"), "links are not followed out");
    }

    @Test
    void oneCacheServesEveryOpenerAndEachCloseCommitsAtomically() throws IOException {
        Namespace ns = namespace(1 << 20, 1 << 20);
        FileView one = ns.view(1), two = ns.view(2);
        one.write("/mfs/2/f", bytes("old"), false);
        SeekableByteChannel writer = one.open("/mfs/2/f", REWRITE);
        writer.write(ByteBuffer.wrap(bytes("new content")));
        assertEquals("new content", text(two.read("/mfs/2/f")), "a later read anywhere sees the write at once");
        assertEquals(11L, two.attributes("/mfs/2/f", "size").get("size"));
        assertEquals("old", Files.readString(dir.resolve("state/mfs/2/f")), "the disk holds the old content until the writer closes");
        SeekableByteChannel appender = two.open("/mfs/2/f", Set.of(StandardOpenOption.WRITE, StandardOpenOption.APPEND));
        appender.write(ByteBuffer.wrap(bytes("!")));
        appender.close();
        assertEquals("new content!", Files.readString(dir.resolve("state/mfs/2/f")), "one copy: the appender's close commits both writes");
        writer.write(ByteBuffer.wrap(bytes("?")));
        writer.close();
        assertEquals("new content?", Files.readString(dir.resolve("state/mfs/2/f")), "the writer's position was its own");
        try (var listing = Files.list(dir.resolve("state/mfs/2"))) {
            assertTrue(listing.noneMatch(AtomicWrite::isTemporary), "no temporary file left");
        }
        assertThrows(NoSuchFileException.class, () -> one.open("/mfs/2/none", Set.of(StandardOpenOption.WRITE)));
        assertEquals("/mfs/2/f: open: close it before renaming", assertThrows(FileSystemException.class, () -> {
            try (SeekableByteChannel c = one.open("/mfs/2/f", Set.of(StandardOpenOption.READ))) {
                one.move("/mfs/2/f", "/mfs/1/f");
            }
        }).getMessage());
    }

    @Test
    void aFullDiskRefusesTheWriteAndKeepsWhatWasThere() throws IOException {
        Namespace ns = namespace(100, 1000);
        FileView files = ns.view(1);
        files.write("/tmp/a", new byte[60], false);
        assertEquals(60, ns.diskUsed(1));
        FileSystemException full = assertThrows(FileSystemException.class, () -> files.write("/tmp/b", new byte[60], false));
        assertEquals("/tmp/b: no space left on node 1's disk (100 bytes, 60 used, 60 more wanted for /tmp/b)", full.getMessage());
        assertEquals(60, Files.size(dir.resolve("state/mfs/1/tmp/a")), "nothing lost");
        files.write("/tmp/a", new byte[90], false); // rewriting in place needs only the growth
        assertEquals(90, ns.diskUsed(1));
        files.move("/tmp/a", "/mfs/2/a");
        assertEquals(0, ns.diskUsed(1));
        assertEquals(90, ns.diskUsed(2), "a file moved between nodes moves between their disks");
        files.delete("/mfs/2/a");
        assertEquals(0, ns.diskUsed(2));
        assertEquals(0, namespace(100, 1000).diskUsed(2), "counted again at boot");
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }
}
