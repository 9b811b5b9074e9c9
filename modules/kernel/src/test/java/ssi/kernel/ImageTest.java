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
    void malformedManifestsNameFileLineFieldAndProblem(@TempDir Path dir) throws Exception {
        String node = "[[node]]\nname = \"a\"\nspeed = 1.0\n";
        assertRefused(dir, "[[node]]\nname = \"a\"\nspeed = \"fast\"\n", ":3: field 'node[1].speed': must be a number between 0.001 and 1,000, got \"fast\"");
        assertRefused(dir, node + "cpus = 0\n", ":4: field 'node[1].cpus': must be between 1 and 1,024, got 0");
        assertRefused(dir, node + "sped = 1.0\n", ":4: field 'node[1].sped': unknown field (known: blue_mark, cpus, disk_mb, memory_mb, name, nomfs, red_mark, speed)");
        assertRefused(dir, "name = \"x\"\n", ": field 'node': at least one [[node]] table is required");
        assertRefused(dir, "[clock\n", ":1: not valid TOML: the line ends where a value or a closing bracket belongs");
        // the cases
        assertRefused(dir, node + node, ":5: field 'node[2].name': 'a' is the name of node[1] too: each node needs a name of its own");
        assertRefused(dir, node + "memory_mb = 9223372036854775807\n", ":4: field 'node[1].memory_mb': must be between 1 and 1,048,576, got 9223372036854775807");
        assertRefused(dir, node + "cpus = 2147483647\n", ":4: field 'node[1].cpus': must be between 1 and 1,024");
        assertRefused(dir, node + "disk_mb = 99999999999999999999\n", ":4: field 'node[1].disk_mb': must be between 0 and 16,777,216");
        assertRefused(dir, "[node]\nname = \"a\"\nspeed = 1.0\n", ":1: field 'node': write [[node]] (one table per node, in an array), not [node]");
        assertRefused(dir, node + "[node]\nname = \"b\"\n", ":4: not valid TOML: a [table] whose name is already an array of tables ([[...]])");
        assertRefused(dir, "[[node]]\nspeed = 1.0\n", ":1: field 'node[1].name': missing: it is required");
        assertRefused(dir, "[[node]]\nname = \"a\"\n", ":1: field 'node[1].speed': missing: it is required (a number between 0.001 and 1,000)");
        assertRefused(dir, "[[node]]\nname = \"7\"\nspeed = 1.0\n", ":2: field 'node[1].name': a node's name is a letter");
        assertRefused(dir, "[network]\nlatency_us = 1e999\n" + node, ":2: field 'network.latency_us': must be between 0 and 10,000,000, got 1e999");
        assertRefused(dir, "[[clock]]\nquantum_ms = 5\n" + node, ":1: field 'clock': write [clock] (one table), not [[clock]]");
        assertRefused(dir, "[clock]\nquantum_ms = 5\ntick = 1\n" + node, ":3: field 'clock.tick': unknown field");
        assertRefused(dir, "[limits]\nmax_processes = 0\n" + node, ":2: field 'limits.max_processes': must be between 1 and 1,000,000, got 0");
        Files.write(dir.resolve(Image.MANIFEST), new byte[] {'#', '\n', 'n', 'a', 'm', 'e', ' ', '=', ' ', '"', (byte) 0xe0, '"', '\n'});
        ImageException e = assertThrows(ImageException.class, () -> Image.load(dir));
        assertEquals(dir.resolve(Image.MANIFEST) + ":2: not UTF-8 text (a manifest is TOML, in UTF-8): byte 11 of the file starts no character", e.getMessage());
    }

    private static void assertRefused(Path dir, String manifest, String expected) throws Exception {
        Files.writeString(dir.resolve(Image.MANIFEST), manifest);
        ImageException e = assertThrows(ImageException.class, () -> Image.load(dir), manifest);
        assertTrue(e.getMessage().startsWith(dir.resolve(Image.MANIFEST) + expected), e.getMessage());
    }
}
