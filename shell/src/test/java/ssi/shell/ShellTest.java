package ssi.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import ssi.kernel.Image;
import ssi.kernel.Kernel;

class ShellTest {
    @Test
    void splitsCommandLinesLikeAShell() {
        assertEquals(List.of("mosrun a.js 'x; y'", "ps"), Main.split("mosrun a.js 'x; y'; ps # comment"));
        assertEquals(List.of(), Main.split("# only a comment"));
        assertEquals(List.of("mosrun", "a.js", "two words"), Main.words("mosrun a.js \"two words\""));
    }

    @Test
    void durations() {
        assertEquals(500_000_000L, Durations.parse("500ms"));
        assertEquals(1_500_000_000L, Durations.parse("1.5s"));
        assertEquals(120_000_000_000L, Durations.parse("2m"));
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> Durations.parse("10x"));
        assertTrue(e.getMessage().contains("bad duration '10x'"));
    }

    @Test
    void commandsDriveTheKernelAndBadInputIsReportedNotFatal() throws Exception {
        Image paper5 = Image.load(Path.of("../images/paper5"));
        StringWriter text = new StringWriter();
        try (Kernel kernel = Kernel.boot(paper5, 1)) {
            Shell shell = new Shell(kernel, new PrintWriter(text));
            assertTrue(shell.run(Main.words("mosrun -r 2 cpu.js")));
            assertTrue(shell.run(Main.words("mosrun -r 2 cpu.py")));
            assertTrue(shell.run(Main.words("advance 1s")));
            text.getBuffer().setLength(0);
            assertTrue(shell.run(Main.words("ps --json")));
            JsonNode ps = new ObjectMapper().readTree(text.toString());
            assertEquals(2, ps.size());
            for (JsonNode p : ps) {
                assertEquals(2, p.get("where").asInt());
                assertEquals(0.5, p.get("cpuSeconds").asDouble(), 1e-9, "two processes share node 2");
            }
            text.getBuffer().setLength(0);
            assertTrue(shell.run(Main.words("nodes --json")));
            assertEquals(5, new ObjectMapper().readTree(text.toString()).size());
            for (String bad : List.of("frobnicate", "advance 10x", "mosrun nope.js", "kill 999", "kill -s HUP 1", "mosrun -r 9 cpu.js")) {
                text.getBuffer().setLength(0);
                assertFalse(shell.run(Main.words(bad)), bad);
                assertFalse(text.toString().isBlank(), bad + " says why");
            }
            assertTrue(shell.run(Main.words("kill -9 1")));
            assertEquals(1, kernel.ps().size());
        }
    }
}
