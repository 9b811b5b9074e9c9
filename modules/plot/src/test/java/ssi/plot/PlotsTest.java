package ssi.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;
import ssi.experiment.Summary;
import ssi.experiment.Trace;

class PlotsTest {
    /** Two nodes over three periods, one migration from node 1 to node 2. */
    static Trace trace() {
        List<Trace.NodeSample> nodes = new ArrayList<>();
        for (int t = 0; t <= 2; t++) {
            nodes.add(new Trace.NodeSample(t, 1, "node1", 1.7, 1, t == 0 ? 1.1765 : 0.5882, t * 0.4, t == 0 ? 2 : 1, t == 0 ? 0 : 1, 0));
            nodes.add(new Trace.NodeSample(t, 2, "node2", 2.4, 1, t == 0 ? 0 : 0.4167, t * 0.2, t == 0 ? 0 : 1, 0, 0));
        }
        return new Trace(nodes, List.of(new Trace.MigrationRow(1, 1.0855, 2, "/bin/cpu.js", 1, 2, "policy", 85.5, 0.2, 85.3, 257, 1052736, "done")),
                List.of(new Trace.ProcessRow(1, 0, "/bin/cpu.js", 1, 1, "R", -1, -1, 1.2, 4_000_000, 0, 0),
                        new Trace.ProcessRow(2, 0, "/bin/cpu.js", 1, 2, "R", -1, -1, 1.1, 5_000_000, 1, 0)));
    }

    static Summary summary() {
        Map<String, Integer> start = new LinkedHashMap<>(Map.of("node1", 2));
        start.put("node2", 0);
        Map<String, Integer> table = new LinkedHashMap<>(Map.of("node1", 1));
        table.put("node2", 1);
        return new Summary("demo", "Demo", "paper5", "mosix", 42, 2, 2, 2, 0, -1, 1.2, 1.0, 1, 0, 1052736, 0.8, 0, start, table, 0);
    }

    @Test
    void eachChartIsAPngAndAnSvgOfTheSameSize(@TempDir Path dir) throws Exception {
        List<Path> files = Plots.write(trace(), summary(), dir);
        assertEquals(6, files.size());
        for (String name : Plots.NAMES) {
            BufferedImage png = ImageIO.read(dir.resolve(name + ".png").toFile());
            assertEquals(Plots.WIDTH, png.getWidth(), name);
            assertEquals(Plots.HEIGHT, png.getHeight(), name);
            DocumentBuilderFactory xml = DocumentBuilderFactory.newInstance();
            xml.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false); // the SVG DTD is on the web
            Element svg = xml.newDocumentBuilder().parse(dir.resolve(name + ".svg").toFile()).getDocumentElement();
            assertEquals("svg", svg.getTagName());
            assertEquals(Plots.WIDTH, Double.parseDouble(svg.getAttribute("width")), name);
            assertEquals(Plots.HEIGHT, Double.parseDouble(svg.getAttribute("height")), name);
            assertTrue(svg.getTextContent().contains("node2"), name + " names the nodes");
        }
    }

    @Test
    void theSameTraceDrawsTheSameFiles(@TempDir Path dir) throws Exception {
        Plots.write(trace(), summary(), dir.resolve("a"));
        Plots.write(trace(), summary(), dir.resolve("b"));
        for (String name : Plots.NAMES) {
            assertArrayEquals(Files.readAllBytes(dir.resolve("a").resolve(name + ".svg")), Files.readAllBytes(dir.resolve("b").resolve(name + ".svg")), name);
            assertArrayEquals(Files.readAllBytes(dir.resolve("a").resolve(name + ".png")), Files.readAllBytes(dir.resolve("b").resolve(name + ".png")), name);
        }
    }
}
