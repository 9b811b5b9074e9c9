package ssi.shell;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import ssi.experiment.Summary;
import ssi.experiment.Trace;
import ssi.kernel.Image;
import ssi.kernel.Kernel;
import ssi.plot.Plots;

/**
 * The seed paper's nine tests as paper5's experiments, run through the shell's {@code experiment}
 * command: each outcome is what EXPERIMENTS.md reports, and the same seed gives the same files.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExperimentsTest {
    static final List<String> NINE = List.of("test1-cpu", "test2-io", "test3-mem", "test4-ipc", "test5-shm", "test6-fork",
            "test7-pipe", "test8-mpi", "test9-priority");
    static final List<String> TRACE_FILES = List.of("nodes.csv", "nodes.jsonl", "migrations.csv", "migrations.jsonl", "processes.csv",
            "processes.jsonl", "summary.json", "output.txt");

    private Kernel kernel;
    private Shell shell;
    private final StringWriter text = new StringWriter();
    private Path runs;
    private final Map<String, Path> done = new HashMap<>();

    @BeforeAll
    void boot() throws Exception {
        kernel = Kernel.boot(Image.load(Path.of("../images/paper5")), 42);
        shell = new Shell(kernel, new PrintWriter(text, true));
        runs = Files.createTempDirectory("ssi-experiments");
    }

    @AfterAll
    void close() throws Exception {
        kernel.close();
        try (var walk = Files.walk(runs)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /** Runs a shell command; returns what it printed. */
    private String sh(String command) {
        text.getBuffer().setLength(0);
        assertTrue(shell.run(Main.words(command)), () -> command + ": " + text);
        return text.toString();
    }

    /** The directory of a whole run of the experiment under mosix (run once for all the tests that read it). */
    private Path run(String name) {
        return done.computeIfAbsent(name, n -> {
            Path dir = runs.resolve(n);
            sh("experiment run " + n + " --policy mosix --out " + dir);
            return dir;
        });
    }

    private static Trace trace(Path dir) throws Exception {
        return Trace.read(dir);
    }

    private static Map<Integer, List<Trace.MigrationRow>> migrationsByPid(Trace t) {
        return t.migrations().stream().collect(Collectors.groupingBy(Trace.MigrationRow::pid));
    }

    /** The last sample of each node. */
    private static List<Trace.NodeSample> last(Trace t) {
        double end = t.nodes().getLast().time();
        return t.nodes().stream().filter(s -> s.time() == end).toList();
    }

    @Test
    void paper5HasTheNineTests() {
        String list = sh("experiment list");
        for (String name : NINE) {
            assertTrue(list.contains(name), list);
        }
    }

    @Test
    void theSameSeedGivesTheSameFilesByteForByte() throws Exception {
        for (String name : NINE) {
            sh("experiment run " + name + " --until 3s --out " + runs.resolve("a-" + name));
            sh("experiment run " + name + " --until 3s --out " + runs.resolve("b-" + name));
            for (String file : TRACE_FILES) {
                assertArrayEquals(Files.readAllBytes(runs.resolve("a-" + name).resolve(file)),
                        Files.readAllBytes(runs.resolve("b-" + name).resolve(file)), name + " " + file);
            }
            assertEquals(3.0, trace(runs.resolve("a-" + name)).nodes().getLast().time(), name + " stops at --until");
        }
        sh("experiment run test1-cpu --until 3s --seed 7 --out " + runs.resolve("c-test1-cpu"));
        assertEquals(7, Summary.read(runs.resolve("c-test1-cpu")).seed());
    }

    private static List<Integer> row(Map<String, Integer> perNode) {
        return List.copyOf(perNode.values());
    }

    @Test
    void test1CpuBoundProcessesSpreadByTheNodesSpeeds() throws Exception {
        Summary s = Summary.read(run("test1-cpu"));
        assertEquals(List.of(20, 0, 0, 0, 0), row(s.start()));
        assertEquals(List.of(3, 4, 3, 5, 5), row(s.table()), "the best placement by speed, where the paper's nodes got 4 each");
        assertEquals(1.0, s.imbalanceTable());
        assertTrue(s.migrations() >= 17, "at least one move per process away from node1: " + s.migrations());
        assertEquals(0, s.ended());
    }

    @Test
    void test3MemoryIntensiveProcessesMoveOnlyAtAHighPrice() throws Exception {
        Path dir = run("test3-mem");
        Summary s = Summary.read(dir);
        assertEquals(List.of(5, 0, 0, 0, 0), row(s.start()));
        assertEquals(List.of(1, 1, 1, 1, 1), row(s.table()));
        List<Trace.MigrationRow> first = trace(dir).migrations().stream().filter(m -> m.from() == 1).toList();
        assertEquals(4, first.size());
        for (Trace.MigrationRow m : first) {
            assertTrue(m.pages() >= 10_240 && m.frozenMs() > 3_400, "40 MB cross the network: " + m);
        }
    }

    @Test
    void test5SharedMemoryIsRefusedUnderPlainMosrunAndConfinedUnderDashE() throws Exception {
        Path dir = run("test5-shm");
        Trace t = trace(dir);
        assertTrue(Files.readString(dir.resolve("output.txt")).contains("MOSRUN: Shared memory (MAP_SHARED) not supported under MOSIX."));
        Trace.ProcessRow refused = t.processes().get(0), confined = t.processes().get(1);
        assertEquals(1, refused.status());
        assertEquals(0, confined.status(), "shm.js under -e ran to its end");
        assertEquals(1, confined.node());
        assertEquals(0, confined.nmigs());
        assertTrue(t.migrations().stream().noneMatch(m -> m.pid() == confined.pid()));
        assertEquals(List.of(2, 3, 4, 5), t.processes().stream().filter(p -> p.command().equals("/bin/cpu.js"))
                .map(Trace.ProcessRow::node).sorted().toList(), "the CPU-bound ones spread, one to each other node");
    }

    @Test
    void test6ChildrenInheritTheirParentsFeatures() throws Exception {
        Trace t = trace(run("test6-fork"));
        List<Trace.ProcessRow> js = t.processes().stream().filter(p -> p.command().startsWith("/bin/tree.js")).toList();
        List<Trace.ProcessRow> locked = t.processes().stream().filter(p -> p.command().startsWith("/bin/tree.py")).toList();
        assertEquals(15, js.size());
        assertEquals(3, locked.size());
        assertTrue(locked.stream().allMatch(p -> p.node() == 1 && p.nmigs() == 0), "mosrun -L's lock passes to the children: " + locked);
        assertTrue(js.stream().allMatch(p -> p.home() == 1), "every descendant keeps node1 as its home");
        assertEquals(5, js.stream().map(Trace.ProcessRow::node).distinct().count(), "the tree spreads over every node: " + js);
    }

    @Test
    void test8AnMpiJobRunsAndMovesLikeAnyOtherProcesses() throws Exception {
        Path dir = run("test8-mpi");
        Trace t = trace(dir);
        Summary s = Summary.read(dir);
        assertEquals(10, s.processes());
        assertEquals(10, s.ended());
        assertTrue(s.makespan() > 0);
        assertEquals(10, Files.readString(dir.resolve("output.txt")).lines().filter(l -> l.matches("rank \\d+ done at node \\d: sum 55")).count());
        assertTrue(t.processes().stream().allMatch(p -> p.status() == 0));
        assertTrue(t.migrations().stream().map(Trace.MigrationRow::to).distinct().count() >= 4, "the ranks spread");
    }

    @Test
    void test2IoBoundProcessesLeaveTheirDeputiesAtHome() throws Exception {
        Path dir = run("test2-io");
        Summary s = Summary.read(dir);
        assertEquals(List.of(20, 0, 0, 0, 0), row(s.start()));
        Trace.NodeSample home = last(trace(dir)).getFirst();
        assertEquals(20 - home.processes(), home.deputies(), "every process away keeps its deputy at node1: the paper's 4 (20)");
        assertTrue(home.processes() <= 4 && home.loadIndex() >= 1, "node1 runs few processes, yet its deputies load it: " + home);
        assertTrue(s.table().values().stream().skip(1).allMatch(n -> n >= 4), "the other nodes take 4 or more each: " + s.table());
        assertTrue(s.forwarded() > 50_000, "their writes go home: " + s.forwarded());
    }

    @Test
    void test7PipedProcessesMovedAwayKeepTheirHomeBusy() throws Exception {
        Path dir = run("test7-pipe");
        Trace t = trace(dir);
        assertEquals(5, Files.readString(dir.resolve("output.txt")).lines().filter(l -> l.equals("consumed 81920000 bytes")).count());
        List<Trace.NodeSample> home = t.nodes().stream().filter(n -> n.node() == 1 && n.time() >= 12 && n.time() <= 24).toList();
        assertTrue(home.stream().allMatch(n -> n.processes() == 0 && n.deputies() == 10), "all 10 moved away, their deputies stayed: " + home);
        double load = home.stream().mapToDouble(Trace.NodeSample::load).average().orElseThrow();
        assertTrue(load > 2.5, "node1's load stays as it was with the processes there (Figure 9): " + load);
        assertTrue(Summary.read(dir).makespan() > 0);
    }

    @Test
    void test9CpuBoundProcessesMoveFirstAndIoBoundOnesAfterTheMemoryIntensive() throws Exception {
        List<String> order = trace(run("test9-priority")).migrations().stream().filter(m -> m.from() == 1)
                .sorted(java.util.Comparator.comparingDouble(Trace.MigrationRow::time)) // in the order they were asked for
                .map(m -> m.command().split(" ")[0].substring("/bin/".length())).toList();
        assertEquals(List.of("cpu.js", "cpu.js", "cpu.js", "cpu.js"), order.subList(0, 4), "CPU-bound with little memory first: " + order);
        assertTrue(order.lastIndexOf("memcpu.js") < order.indexOf("ioloop.js"), "memory-intensive before I/O-intensive: " + order);
        assertEquals(20, order.size(), "every one of the 20 leaves node1 once: " + order);
    }

    @Test
    void test4MessagesOfProcessesMovedAwayStillLoadTheirHome() throws Exception {
        Path dir = run("test4-ipc");
        Trace t = trace(dir);
        assertEquals(List.of(0, 0, 0, 0, 16), row(Summary.read(dir).table()), "all 16 moved to node5 by hand");
        List<Trace.NodeSample> home = t.nodes().stream().filter(n -> n.node() == 1 && n.time() >= 17).toList();
        List<Trace.NodeSample> node5 = t.nodes().stream().filter(n -> n.node() == 5 && n.time() >= 17).toList();
        assertTrue(home.stream().allMatch(n -> n.processes() == 0 && n.deputies() == 16), home::toString);
        double homeLoad = home.stream().mapToDouble(Trace.NodeSample::load).average().orElseThrow();
        double node5Load = node5.stream().mapToDouble(Trace.NodeSample::load).average().orElseThrow();
        assertTrue(homeLoad > 3 && homeLoad > node5Load, "node1 runs none of them, yet is loaded more than node5, where all run (Figure 7): "
                + homeLoad + " vs " + node5Load);
        assertTrue(Files.readString(dir.resolve("output.txt")).contains("migrate: process 1 already runs on node5"));
    }

    @Test
    void aComparisonTabulatesEachPolicyAndPlotDrawsARunAgain() throws Exception {
        Path dir = runs.resolve("compare");
        String table = sh("experiment compare test3-mem --until 20s --out " + dir);
        assertTrue(table.startsWith(Files.readString(dir.resolve("compare.md"))), table);
        assertEquals("policy,makespan,imbalanceMean,imbalanceTable,migrations,bytesMoved,homeLoad,forwarded",
                Files.readAllLines(dir.resolve("compare.csv")).getFirst());
        assertEquals(3, Files.readAllLines(dir.resolve("compare.csv")).size());
        double[] firstMove = new double[2];
        List<String> policies = List.of("mosix", "opportunity-cost");
        for (int i = 0; i < 2; i++) {
            assertEquals(policies.get(i), Summary.read(dir.resolve(policies.get(i))).policy());
            assertTrue(table.contains("| " + policies.get(i) + " |"), table);
            firstMove[i] = trace(dir.resolve(policies.get(i))).migrations().getFirst().time();
        }
        assertTrue(firstMove[1] > firstMove[0] + 5, "opportunity-cost waits until moving 40 MB pays: " + firstMove[0] + " vs " + firstMove[1]);

        Path run = dir.resolve("mosix");
        for (String name : Plots.NAMES) {
            Files.delete(run.resolve(name + ".png"));
        }
        String files = sh("plot " + run);
        for (String name : Plots.NAMES) {
            assertTrue(files.contains(run.resolve(name + ".svg").toString()), files);
            BufferedImage png = ImageIO.read(run.resolve(name + ".png").toFile());
            assertEquals(Plots.WIDTH, png.getWidth());
            assertEquals(Plots.HEIGHT, png.getHeight());
        }
    }

    /**
     * EXPERIMENTS.md's figures come from {@code docs/experiments/NAME/mosix}, made by a fresh
     * {@code ./ssi} process: a run here, in another JVM (and on another machine in CI), gives the
     * same trace and figures, byte for byte.
     */
    @Test
    void everyRunMatchesThePublishedOneByteForByte() throws Exception {
        for (String name : NINE) {
            Path published = Path.of("../docs/experiments", name, "mosix");
            for (String file : List.of("nodes.csv", "migrations.csv", "processes.csv", "summary.json")) {
                assertEquals(Files.readString(published.resolve(file)), Files.readString(run(name).resolve(file)),
                        name + " " + file + " (after a change that alters it, regenerate: see EXPERIMENTS.md)");
            }
        }
    }

    @Test
    void badRequestsSayWhatIsWrong() {
        for (String[] bad : new String[][] {
                {"experiment run nope", "no experiment 'nope'"},
                {"experiment run test1-cpu --policy nope --out " + runs.resolve("nope"), "nope"},
                {"experiment run", "want experiment list"},
                {"experiment run test1-cpu --until 1y", "bad duration '1y'"},
                {"plot " + runs.resolve("nowhere"), "not an experiment's trace directory"}}) {
            text.getBuffer().setLength(0);
            assertFalse(shell.run(Main.words(bad[0])), bad[0]);
            assertTrue(text.toString().contains(bad[1]), bad[0] + " -> " + text);
        }
    }
}
