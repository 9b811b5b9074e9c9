package ssi.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The manifest's [[cluster]] tables: read as written, or refused with the file, the line and the cluster. */
class ClusterManifestTest {
    private static final String NODES = "[[node]]\nname = \"a\"\nspeed = 1.0\n[[node]]\nname = \"b\"\nspeed = 1.0\n[[node]]\nname = \"c\"\nspeed = 1.0\n";

    @Test
    void campusHasALabADepartmentAndACloud() throws Exception {
        Image campus = Image.load(Path.of("../../images/campus"));
        assertEquals(List.of("lab", "dept", "cloud"), campus.clusters().stream().map(ClusterSpec::name).toList());
        ClusterSpec lab = campus.clusters().get(0), dept = campus.clusters().get(1), cloud = campus.clusters().get(2);
        assertEquals(List.of(1, 2, 3, 4, 5), lab.nodes());
        assertEquals(12, dept.nodes().size());
        assertEquals(Map.of("dept", 20), lab.priorities());
        assertEquals(Map.of("lab", 50), dept.priorities());
        assertEquals("department", dept.owner());
        assertTrue(cloud.linux() && !lab.linux());
        assertEquals(200_000, lab.uplink().latencyNanos());
    }

    @Test
    void aOneClusterImageIsOneClusterNamedAfterIt() throws Exception {
        Image paper5 = Image.load(Path.of("../../images/paper5"));
        assertEquals(1, paper5.clusters().size());
        assertEquals("paper5", paper5.clusters().getFirst().name());
        assertEquals(List.of(1, 2, 3, 4, 5), paper5.clusters().getFirst().nodes());
        assertEquals(paper5.link(), paper5.clusters().getFirst().uplink());
    }

    @Test
    void badClustersAreRefusedNamingTheClusterAndNode(@TempDir Path dir) throws Exception {
        String ab = "[[cluster]]\nname = \"x\"\nnodes = [\"a\", \"b\"]\n";
        assertRefused(dir, ab + "[[cluster]]\nname = \"y\"\nnodes = [\"b\", \"c\"]\n",
                ":15: field 'cluster[2].nodes': node 'b' is in cluster 'x' and in cluster 'y': clusters must not overlap");
        assertRefused(dir, ab, ":10: field 'cluster': node 'c' is in no cluster: when [[cluster]] tables are given, every node belongs to one");
        assertRefused(dir, ab + "[[cluster]]\nname = \"y\"\nnodes = [\"c\", \"d\"]\n",
                ":15: field 'cluster[2].nodes': cluster 'y' names 'd', which is no [[node]]'s name");
        assertRefused(dir, ab + "priority = { z = 3 }\n[[cluster]]\nname = \"y\"\nnodes = [\"c\"]\n",
                ":13: field 'cluster[1].priority': cluster 'x' gives a priority to 'z', which is no cluster (clusters: x, y)");
        assertRefused(dir, ab + "priority = { y = 0 }\n[[cluster]]\nname = \"y\"\nnodes = [\"c\"]\n",
                ":13: field 'cluster[1].priority': cluster 'x': the priority for 'y' must be a whole number between 1 and 65,535 (lower is higher), got 0");
        assertRefused(dir, ab + "priority = { x = 3 }\n[[cluster]]\nname = \"y\"\nnodes = [\"c\"]\n",
                ":13: field 'cluster[1].priority': cluster 'x' gives a priority to itself: its own processes always come first");
        assertRefused(dir, "[cluster]\nname = \"x\"\nnodes = [\"a\"]\n", ":10: field 'cluster': write [[cluster]]");
        assertRefused(dir, ab + "kind = \"cloud\"\n", ":13: field 'cluster[1].kind': cluster 'x': a kind is \"mosix\"");
        assertRefused(dir, ab + "[[cluster]]\nname = \"x\"\nnodes = [\"c\"]\n", ":14: field 'cluster[2].name': 'x' is the name of cluster[1] too");
        assertRefused(dir, ab + "[[cluster]]\nname = \"y\"\nnodes = []\n", ":15: field 'cluster[2].nodes': cluster 'y' needs its nodes");
        assertRefused(dir, ab + "color = 1\n", ":13: field 'cluster[1].color': unknown field");
    }

    private static void assertRefused(Path dir, String clusters, String expected) throws Exception {
        Files.writeString(dir.resolve(Image.MANIFEST), NODES + clusters);
        ImageException e = assertThrows(ImageException.class, () -> Image.load(dir), clusters);
        assertTrue(e.getMessage().startsWith(dir.resolve(Image.MANIFEST) + expected), e.getMessage());
    }
}
