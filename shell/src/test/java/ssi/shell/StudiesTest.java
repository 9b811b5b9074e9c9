package ssi.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ssi.api.ProcessInfo;
import ssi.api.ProcessState;
import ssi.kernel.Image;
import ssi.kernel.Kernel;

/**
 * Synthetic studies at a reduced size: a generated cluster of 100 nodes running 1,000 synthetic
 * processes through the kernel's scheduler, deputies, migration and the mosix policy.
 */
class StudiesTest {
    private static String sh(Shell shell, StringWriter text, String command) {
        text.getBuffer().setLength(0);
        assertTrue(shell.run(Main.words(command)), () -> command + ": " + text);
        return text.toString();
    }

    /** Generates the image, runs the study for 60 virtual seconds; returns the kernel's trace. */
    private static List<String> study(Path dir, Path image) throws Exception {
        StringWriter text = new StringWriter();
        try (Kernel paper5 = Kernel.boot(Image.load(Path.of("../images/paper5")), 42)) {
            Shell shell = new Shell(paper5, new PrintWriter(text, true));
            if (!Files.exists(image)) {
                assertTrue(sh(shell, text, "image generate --nodes 100 --speeds uniform:1:3 --cpus 1 --mem uniform:512:4096 --quantum-ms 100 --seed 5 --out " + image)
                        .startsWith("image " + image.getFileName() + ": 100 nodes"));
            }
        }
        try (Kernel kernel = Kernel.boot(Image.load(image), 7)) {
            Shell shell = new Shell(kernel, new PrintWriter(text, true));
            assertEquals(100, kernel.nodes().size());
            assertEquals("1000 synthetic processes, pids 1-1000\n",
                    sh(shell, text, "synth 1000 --spread --seconds exp:40 --mem uniform:1:16 --calls exp:20 --dirty 0.5"));
            kernel.advance(60_000_000_000L);
            List<ProcessInfo> ps = kernel.ps();
            long ended = java.util.stream.IntStream.rangeClosed(1, 1000).filter(pid -> kernel.exitStatus(pid).isPresent()).count();
            assertEquals(1000, ps.size() + ended - ps.stream().filter(p -> p.state() == ProcessState.ZOMBIE).count(), "none is lost");
            assertTrue(ended > 100 && ended < 1000, "some have finished their work, some not: " + ended);
            assertTrue(ps.stream().allMatch(p -> p.work() > 0), "every process still running has made progress");
            assertTrue(ps.stream().anyMatch(p -> p.away() && p.forwarded() > 0), "processes away call home through their deputies");
            assertTrue(kernel.migrations().size() > 50, "the policy moves work about: " + kernel.migrations().size());
            return kernel.trace();
        }
    }

    @Test
    void aGeneratedClusterRunsSyntheticProcessesDeterministically(@TempDir Path dir) throws Exception {
        Path image = dir.resolve("gen100");
        List<String> first = study(dir, image);
        assertTrue(Files.readString(image.resolve("manifest.toml")).contains("quantum_ms = 100.0"));
        assertEquals(first, study(dir, image), "same image, seed and draws: the same trace");
    }

    /** Many guests at once, at a tenth of bench's size: every one makes progress to its end. */
    @Test
    void aHundredJsAndTenPythonGuestsAllMakeProgress() throws Exception {
        try (Kernel kernel = Kernel.boot(Image.load(Path.of("../images/paper5")), 42)) {
            StringBuilder out = new StringBuilder();
            kernel.addListener(new ssi.kernel.KernelListener() {
                @Override
                public void output(ssi.kernel.Output o) {
                    out.append(o.text());
                }
            });
            List<Integer> pids = new java.util.ArrayList<>();
            for (int i = 0; i < 110; i++) {
                pids.add(kernel.spawn(1 + i % 5, i < 100 ? "idle.js" : "idle.py", List.of("5")));
            }
            kernel.advance(6_000_000_000L);
            for (int pid : pids) {
                assertEquals(0, kernel.exitStatus(pid).orElseThrow(), "process " + pid + " ended");
            }
            List<String> lines = out.toString().lines().toList();
            assertEquals(110, lines.size());
            assertTrue(lines.stream().allMatch(l -> l.matches("idle\\.(js|py) \\d+: 5[01] beats")), out::toString);
        }
    }

    @Test
    void badRequestsSayWhatIsWrong(@TempDir Path dir) throws Exception {
        StringWriter text = new StringWriter();
        try (Kernel kernel = Kernel.boot(Image.load(Path.of("../images/paper5")), 42)) {
            Shell shell = new Shell(kernel, new PrintWriter(text, true));
            Path trace = dir.resolve("demand.csv");
            Files.writeString(trace, "node,seconds,memory_mb,calls_per_second,call_bytes,dirty_mb_per_second\n9,1,1,0,0,0\n");
            for (String[] bad : new String[][] {
                    {"synth 10 --seconds exp:-1", "bad distribution 'exp:-1'"},
                    {"synth", "want synth COUNT"},
                    {"synth --trace " + dir.resolve("none.csv"), "none.csv"},
                    {"synth --trace " + trace, "no node 9"},
                    {"image generate --nodes 0 --out " + dir.resolve("g"), "want 1 to 100000 nodes"},
                    {"image make --nodes 3 --out " + dir.resolve("g"), "want image generate"}}) {
                text.getBuffer().setLength(0);
                assertFalse(shell.run(Main.words(bad[0])), bad[0]);
                assertTrue(text.toString().contains(bad[1]), bad[0] + " -> " + text);
            }
            assertTrue(kernel.ps().isEmpty(), "nothing half-started");
        }
    }
}
