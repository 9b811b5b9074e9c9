package ssi.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageTest {
    @Test
    void paper5IsTheSeedPapersCluster() throws Exception {
        Image img = Image.load(Path.of("../../images/paper5"));
        assertEquals(5, img.nodes().size());
        assertEquals(java.util.List.of(1.7, 2.4, 1.8, 2.4, 2.4), img.nodes().stream().map(n -> n.speed()).toList());
        assertEquals(256L << 20, img.nodes().get(0).memory());
        assertEquals(1024L << 20, img.nodes().get(4).memory());
        assertEquals(100e6, img.bandwidth());
        assertTrue(Files.isRegularFile(img.root().resolve("bin/cpu.py")));
    }

    @Test
    void malformedManifestsNameFileFieldAndProblem(@TempDir Path dir) throws Exception {
        assertRefused(dir, "[[node]]\nspeed = \"fast\"\n", "field 'node[1].speed': must be a number");
        assertRefused(dir, "[[node]]\ncpus = 0\n", "field 'node[1].cpus': must be at least 1");
        assertRefused(dir, "[[node]]\nsped = 1.0\n", "field 'node[1].sped': unknown field");
        assertRefused(dir, "name = \"x\"\n", "field 'node': at least one [[node]]");
        assertRefused(dir, "[clock\n", "not valid TOML");
    }

    private static void assertRefused(Path dir, String manifest, String expected) throws Exception {
        Files.writeString(dir.resolve(Image.MANIFEST), manifest);
        ImageException e = assertThrows(ImageException.class, () -> Image.load(dir));
        assertTrue(e.getMessage().startsWith(dir.resolve(Image.MANIFEST).toString()), e.getMessage());
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
