package ssi.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hazelcast.core.HazelcastInstance;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import ssi.kernel.Image;
import ssi.kernel.Kernel;
import ssi.sweep.Members;
import ssi.sweep.Plan;
import ssi.sweep.RunResult;
import ssi.sweep.Station;
import ssi.sweep.Sweep;
import ssi.sweep.SweepException;

/**
 * {@code experiment sweep} on the embedded member, on two members in this JVM, and on this JVM and
 * a {@code ./ssi worker} JVM: the same table, byte for byte, each run {@code experiment run}'s; a
 * worker killed mid-sweep loses no row; a member of another version or secret is refused.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SweepTest {
    /** The table's files, which must not depend on which member ran which run. */
    private static final List<String> TABLE = List.of("sweep.csv", "sweep.json", "summary.csv", "sweep.md");
    /** A tiny experiment: a few short CPU-bound processes started at node1, balanced for three virtual seconds. */
    private static final String TINY = """
            title = "tiny: four short CPU-bound processes"
            duration = "3s"
            script = \"""
            repeat 4 mosrun cpu.js 600000 &
            \"""
            """;

    private Path work;
    private Path image;
    private Plan plan;
    private Map<String, String> embedded;
    private final List<HazelcastInstance> members = new ArrayList<>();

    @BeforeAll
    void setUp() throws Exception {
        work = Files.createTempDirectory("ssi-sweep-test");
        image = work.resolve("image");
        try (Stream<Path> all = Files.walk(Path.of("../images/paper5"))) {
            for (Path f : all.toList()) {
                Path target = image.resolve(Path.of("../images/paper5").relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target);
                }
            }
        }
        Files.writeString(image.resolve("experiments/tiny.toml"), TINY);
        plan = new Plan("tiny", List.of("round-robin", "mosix"), List.of(2L, 1L), new LinkedHashMap<>(), 0);
        Sweep.Result r = sweep(Members.Settings.embedded().withSlots(2), "embedded", (d, f, n, t, e) -> {});
        assertEquals(1, r.members());
        embedded = table(work.resolve("embedded"));
    }

    @AfterAll
    void tearDown() throws Exception {
        members.forEach(HazelcastInstance::shutdown);
        try (Stream<Path> all = Files.walk(work)) {
            all.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private Sweep.Result sweep(Members.Settings s, String out, Sweep.Progress progress) throws SweepException {
        return Sweep.run(image, plan, s, Experiments::console, work.resolve(out), progress);
    }

    private static Map<String, String> table(Path dir) throws Exception {
        Map<String, String> files = new LinkedHashMap<>();
        for (String f : TABLE) {
            files.put(f, Files.readString(dir.resolve(f)));
        }
        return files;
    }

    /** Settings that join {@code port} on this host. */
    private static Members.Settings joining(int port, int slots, String secret) {
        return new Members.Settings("ssi-test", secret, List.of("127.0.0.1:" + port), 0, slots, null, Sweep.version());
    }

    /** A worker in this JVM, listening on a free port. */
    private HazelcastInstance worker(int port, String secret, String version) throws SweepException {
        HazelcastInstance w = Members.start(new Members.Settings("ssi-test", secret, List.of(), port, 1, null, version),
                Station.local(Experiments::console));
        members.add(w);
        return w;
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Test
    void theEmbeddedSweepIsOneRowPerRunInOrderEachExperimentRunsOwn() throws Exception {
        List<String> rows = embedded.get("sweep.csv").lines().toList();
        assertEquals("policy,params,seed,status,makespan,imbalanceMean,imbalanceTable,migrations,rolledBack,bytesMoved,homeLoad,forwarded,"
                + "processes,ended,failedCommands,error", rows.getFirst());
        assertEquals(List.of("mosix,-,1,ok", "mosix,-,2,ok", "round-robin,-,1,ok", "round-robin,-,2,ok"),
                rows.stream().skip(1).map(r -> String.join(",", List.of(r.split(",")).subList(0, 4))).toList());
        assertTrue(rows.stream().skip(1).allMatch(r -> r.contains(",4,4,0,")), "every run ends its 4 processes: " + rows);
        List<String> summary = embedded.get("summary.csv").lines().toList();
        assertEquals(3, summary.size(), "a row per policy: " + summary);
        assertTrue(summary.get(1).startsWith("mosix,-,2,0,") && summary.get(2).startsWith("round-robin,-,2,0,"), summary.toString());
        // a sweep's run is experiment run's: the same files, byte for byte
        StringWriter text = new StringWriter();
        try (Kernel kernel = Kernel.boot(Image.load(image), 42)) {
            Shell shell = new Shell(kernel, new PrintWriter(text, true));
            Path alone = work.resolve("alone");
            assertTrue(shell.run(Main.words("experiment run tiny --policy mosix --seed 2 --out " + alone)), text::toString);
            Path swept = work.resolve("embedded/runs/mosix-s2");
            for (String f : ExperimentsTest.TRACE_FILES) {
                assertEquals(Files.readString(alone.resolve(f)), Files.readString(swept.resolve(f)), f);
            }
        }
    }

    @Test
    void twoMembersInOneJvmGiveTheSameTable() throws Exception {
        int port = freePort();
        worker(port, "s3cret", Sweep.version());
        Sweep.Result r = sweep(joining(port, 1, "s3cret"), "two-members", (d, f, n, t, e) -> {});
        assertEquals(2, r.members());
        assertEquals(embedded, table(work.resolve("two-members")));
    }

    /** {@code ./ssi ARGS} as the launcher starts it: a JVM of its own, with this JVM's options, and its own temporary directory. */
    private List<String> ssi(String tmpName, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(a -> a.startsWith("-XX:") || a.startsWith("--upgrade-module-path") || a.startsWith("--enable-native-access")
                        || a.startsWith("--sun-misc-unsafe-memory-access") || a.startsWith("--add-opens") || a.startsWith("--add-exports")
                        || (a.startsWith("java.") || a.startsWith("jdk.")) && a.contains("com.hazelcast.core")).forEach(command::add);
        String modulePath = Stream.concat(Stream.of(System.getProperty("jdk.module.path")),
                Stream.of(System.getProperty("java.class.path").split(File.pathSeparator)).filter(e -> e.endsWith(".jar")))
                .collect(Collectors.joining(File.pathSeparator));
        Path tmp = Files.createDirectories(work.resolve(tmpName));
        command.addAll(List.of("-Djava.io.tmpdir=" + tmp, "-p", modulePath, "-m", "ssi.shell/ssi.shell.Main"));
        command.addAll(List.of(args));
        return command;
    }

    /** {@code ./ssi worker} in a JVM of its own, with its own temporary directory (so it lacks the image). */
    private Process startWorker(int port) throws Exception {
        List<String> command = ssi("worker-tmp-" + port, "worker", "--port", String.valueOf(port), "--slots", "1", "--cluster-name", "ssi-test");
        Process p = Children.start(new ProcessBuilder(command).redirectErrorStream(true));
        BufferedReader lines = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String first = CompletableFuture.supplyAsync(() -> {
            try {
                String line;
                while ((line = lines.readLine()) != null && !line.startsWith("ssi worker:")) {
                    System.err.println("worker: " + line); // the JVM's own warnings, for whoever reads the test's output
                }
                return line;
            } catch (java.io.IOException e) {
                return null;
            }
        }).get(120, TimeUnit.SECONDS);
        assertTrue(first != null && first.startsWith("ssi worker: ssi " + Sweep.version()) && first.contains("pid " + p.pid()), "worker said: " + first);
        Thread.ofVirtual().start(() -> { // keep reading, so that the worker never blocks on a full pipe
            try {
                lines.transferTo(java.io.Writer.nullWriter());
            } catch (java.io.IOException ignored) {
                // it ended
            }
        });
        return p;
    }

    /** Stops a worker by its process id, as a person would with kill -9. */
    private static void kill(long pid) {
        ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
    }

    @Test
    void aWorkerJvmAndThisOneGiveTheSameTable() throws Exception {
        int port = freePort();
        Process worker = startWorker(port);
        try {
            Sweep.Result r = sweep(joining(port, 1, null), "two-jvms", (d, f, n, t, e) -> {});
            assertEquals(2, r.members());
            assertEquals(embedded, table(work.resolve("two-jvms")));
        } finally {
            kill(worker.pid());
            assertTrue(worker.waitFor(60, TimeUnit.SECONDS));
        }
    }

    @Test
    void aWorkerKilledMidSweepLosesNoRow() throws Exception {
        int port = freePort();
        Process worker = startWorker(port);
        AtomicBoolean killed = new AtomicBoolean();
        try {
            // this JVM takes one run at a time: once one is done and two run, the worker has one of them
            Sweep.Result r = sweep(joining(port, 1, null), "killed", (done, failed, running, total, elapsed) -> {
                if (done >= 1 && running == 2 && !killed.getAndSet(true)) {
                    kill(worker.pid());
                }
            });
            assertTrue(killed.get(), "the worker was killed while it ran a run");
            assertTrue(r.runs().stream().allMatch(RunResult::ok), r.runs().toString());
            assertEquals(embedded, table(work.resolve("killed")));
        } finally {
            kill(worker.pid());
            assertTrue(worker.waitFor(60, TimeUnit.SECONDS));
        }
        assertFalse(worker.isAlive());
    }

    /** Through ./ssi: the sweep's table, its runs' charts, and a JVM that ends at exit (no member left running). */
    @Test
    void theShellSweepsDrawsAndExits() throws Exception {
        Path out = work.resolve("shell");
        Process p = Children.start(new ProcessBuilder(ssi("shell-tmp", "--image", image.toString(), "--state", work.resolve("state").toString(),
                "-c", "experiment sweep tiny --policies mosix --seeds 1 --out " + out + "; exit")).redirectErrorStream(true));
        String said = CompletableFuture.supplyAsync(() -> {
            try {
                return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            } catch (java.io.IOException e) {
                return e.toString();
            }
        }).get(180, TimeUnit.SECONDS);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "the JVM ended: " + said);
        assertEquals(0, p.exitValue(), said);
        assertTrue(said.contains("1 run on 1 member, 0 failed"), said);
        assertEquals(embedded.get("sweep.csv").lines().limit(2).toList(), Files.readAllLines(out.resolve("sweep.csv")), "mosix seed 1's row");
        assertTrue(Files.size(out.resolve("runs/mosix-s1/load.png")) > 0, "the run's charts, drawn by the coordinator");
    }

    @Test
    void aMemberOfAnotherVersionIsRefused() throws Exception {
        int port = freePort();
        HazelcastInstance w = worker(port, null, Sweep.version());
        SweepException e = assertThrows(SweepException.class,
                () -> Members.start(joining(port, 1, null).withVersion("0.0.0-other"), Station.local(Experiments::console)));
        assertTrue(e.getMessage().contains("runs ssi " + Sweep.version() + ", this is ssi 0.0.0-other"), e.getMessage());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (w.getCluster().getMembers().size() > 1 && System.nanoTime() < deadline) {
            Thread.sleep(100); // the refused member shuts itself down; the worker hears it leave
        }
        assertEquals(1, w.getCluster().getMembers().size());
        // and a worker of another version never runs this coordinator's runs
        int other = freePort();
        worker(other, null, "0.0.0-other");
        SweepException none = assertThrows(SweepException.class, () -> sweep(joining(other, 0, null), "other-version", (d, f, n, t, x) -> {}));
        assertTrue(none.getMessage().contains("runs ssi 0.0.0-other, this is ssi " + Sweep.version()), none.getMessage());
    }

    @Test
    void aMemberWithTheWrongSecretIsRefusedAndTheShellSaysSo() throws Exception {
        int port = freePort();
        HazelcastInstance w = worker(port, "right", Sweep.version());
        StringWriter text = new StringWriter();
        try (Kernel kernel = Kernel.boot(Image.load(image), 42)) {
            Shell shell = new Shell(kernel, new PrintWriter(text, true));
            Path out = work.resolve("wrong-secret");
            assertFalse(shell.run(Main.words("experiment sweep tiny --seeds 1 --policies mosix --cluster-name ssi-test --secret wrong --cluster 127.0.0.1:"
                    + port + " --out " + out)));
            assertTrue(text.toString().contains("no ssi worker answered at 127.0.0.1:" + port), text.toString());
            assertFalse(Files.exists(out.resolve("sweep.csv")), "nothing written");
        }
        assertEquals(1, w.getCluster().getMembers().size(), "the stranger never joined");
    }

    @Test
    void badRequestsSayWhatIsWrongAndRunNothing() throws Exception {
        StringWriter text = new StringWriter();
        try (Kernel kernel = Kernel.boot(Image.load(image), 42)) {
            Shell shell = new Shell(kernel, new PrintWriter(text, true));
            Path out = work.resolve("bad");
            for (String[] bad : new String[][] {
                    {"--seeds 5..1", "--seeds: '5..1' wants FROM..TO"},
                    {"--seeds one", "--seeds: 'one' is neither a seed nor FROM..TO"},
                    {"--seeds 1,1", "--policies and --seeds name each policy and seed once"},
                    {"--seeds 1 --policies mosix,nope", "--policies: no policy 'nope'"},
                    {"--seeds 1 --param nope", "--param: 'nope' wants KEY=V1,V2"},
                    {"--seeds 1 --param balancing.period_ms=abc", "--param balancing.period_ms: 'abc' is not a number"},
                    {"--seeds 1 --param balancing.period_ms=0", "period_ms"},
                    {"--seeds 1 --param balancing.nope=1", "nope"},
                    {"--seeds 1 --slots -1", "--slots wants 0 to 4096"}}) {
                text.getBuffer().setLength(0);
                assertFalse(shell.run(Main.words("experiment sweep tiny " + bad[0] + " --out " + out)), bad[0]);
                assertTrue(text.toString().contains(bad[1]), bad[0] + " -> " + text);
                assertEquals(1, text.toString().strip().lines().count(), "one line: " + text);
            }
            text.getBuffer().setLength(0);
            assertFalse(shell.run(Main.words("experiment sweep nope --out " + out)));
            assertTrue(text.toString().contains("no experiment 'nope'"), text.toString());
            assertFalse(Files.exists(out), "nothing written");
        }
    }
}
