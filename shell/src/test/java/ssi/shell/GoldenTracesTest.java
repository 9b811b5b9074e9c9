package ssi.shell;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import ssi.api.Signal;
import ssi.experiment.Experiment;
import ssi.experiment.Runner;
import ssi.synthetic.Workload;
import ssi.synthetic.Workload.Distribution;
import ssi.kernel.Image;
import ssi.kernel.Kernel;

/**
 * Golden traces: the kernel's whole trace of each of paper5's nine experiments (run as
 * {@code experiment run NAME} runs them: a fresh kernel, the image's seed and policy, pace max),
 * followed by the files the run recorded (loads by node and period, processes, migrations, output),
 * the kernel's whole trace of the README's walk-through ({@code golden/walkthrough.ssi}: its {@code ssi>} lines but
 * {@code mon}, {@code web} and {@code exit}, on a fresh kernel with the image's seed), and that of a synthetic
 * study (generated nodes, synthetic processes that cruise, call home, write memory and are
 * signalled, migrated, slowed, crashed on and joined by a node from outside) must equal, byte for byte,
 * the files under {@code src/test/resources/golden/}. They were recorded before the kernel was
 * split into its subsystems' modules (issue 23), so that a refactoring shows it changed nothing.
 * <p>
 * A change meant to alter what the kernel does records them again, and its commit shows the
 * difference: {@code mvn -o test -pl shell -am -Dtest=GoldenTracesTest
 * -Dsurefire.failIfNoSpecifiedTests=false -Dgolden.record=true}; {@code -Dgolden.only=NAME} runs one of them.
 */
class GoldenTracesTest {
    private static final Path IMAGE = Path.of("../images/paper5");
    private static final Path GOLDEN = Path.of("src/test/resources/golden");
    private static final boolean RECORD = Boolean.getBoolean("golden.record");
    /** Runs only the golden file of this name (-Dgolden.only=synthetic), to check one quickly. */
    private static final String ONLY = System.getProperty("golden.only", "");

    @TestFactory
    List<DynamicTest> eachExperimentAndTheWalkThroughKeepTheirTrace() {
        List<DynamicTest> tests = new java.util.ArrayList<>();
        for (String name : ExperimentsTest.NINE) {
            tests.add(DynamicTest.dynamicTest(name, () -> check(name, experiment(name))));
        }
        tests.add(DynamicTest.dynamicTest("walkthrough", () -> check("walkthrough", walkThrough())));
        tests.add(DynamicTest.dynamicTest("synthetic", () -> check("synthetic", synthetic())));
        return tests.stream().filter(t -> ONLY.isEmpty() || t.getDisplayName().equals(ONLY)).toList();
    }

    /** What the run recorded besides the kernel's trace: each of these files follows it, under a line naming it. */
    private static final List<String> RECORDED = List.of("nodes.csv", "processes.csv", "migrations.csv", "output.txt");

    /** The trace of an experiment's whole run, as the {@code experiment} command makes it, and the files it recorded. */
    private static List<String> experiment(String name) throws Exception {
        Image image = Image.load(IMAGE);
        AtomicReference<Kernel> booted = new AtomicReference<>();
        Runner runner = new Runner(image, (kernel, out) -> {
            booted.set(kernel);
            return Experiments.console(kernel, out);
        });
        Path out = Files.createTempDirectory("ssi-golden-" + name);
        try {
            runner.run(Experiment.load(image.dir(), name), image.seed(), null, 0, out, (now, end) -> {});
            List<String> lines = new java.util.ArrayList<>(booted.get().trace()); // the trace outlives the kernel's close
            for (String file : RECORDED) {
                lines.add("# " + file);
                lines.addAll(Files.readAllLines(out.resolve(file)));
            }
            return lines;
        } finally {
            deleteTree(out);
        }
    }

    /** The trace of the README's walk-through, run line by line by a shell. */
    private static List<String> walkThrough() throws Exception {
        Image image = Image.load(IMAGE);
        try (Kernel kernel = Kernel.boot(image, image.seed())) {
            Runner.Console console = Experiments.console(kernel, new PrintWriter(new StringWriter()));
            for (String line : Files.readAllLines(GOLDEN.resolve("walkthrough.ssi"))) {
                console.run(line); // a line that fails fails the same way every time: its trace is what counts
            }
            return kernel.trace();
        }
    }

    /**
     * A synthetic study under mosix: 300 processes on 30 generated nodes for 20 virtual seconds, with
     * a kill, a stop and a continue, a manual migration, a node slowed, one crashed and one added
     * midway; its trace, then each node's figures and each process's at the end.
     */
    private static List<String> synthetic() throws Exception {
        Path dir = Files.createTempDirectory("ssi-golden-synthetic");
        try {
            Image image = ssi.kernel.ImageGenerator.write(new ssi.kernel.ImageGenerator.Spec("golden", 30,
                    Distribution.parse("uniform:1:3"), Distribution.parse("uniform:1:2"), Distribution.parse("uniform:256:2048"), 7,
                    "mosix", 10, Image.load(IMAGE)), dir);
            try (Kernel kernel = Kernel.boot(image, image.seed())) {
                Workload.Model model = new Workload.Model(Distribution.parse("exp:6"), Distribution.parse("uniform:1:16"),
                        Distribution.parse("exp:3"), 512, Distribution.parse("uniform:0:0.5"));
                int[] homes = java.util.stream.IntStream.rangeClosed(1, 30).toArray();
                for (Workload.Start s : Workload.draw(model, 300, homes, Math.round(image.workRate()), 11)) {
                    kernel.spawnSynthetic(s.node(), s.demand());
                }
                long second = 1_000_000_000L;
                kernel.advance(4 * second);
                List<Integer> alive = kernel.ps().stream().filter(p -> p.state() != ssi.api.ProcessState.ZOMBIE)
                        .map(ssi.api.ProcessInfo::pid).toList();
                kernel.kill(alive.get(0), Signal.SIGKILL);
                kernel.kill(alive.get(1), Signal.SIGSTOP);
                List<String> refused = new java.util.ArrayList<>();
                for (int i = 2; i < 8; i++) { // some may not move (already home, already the best): what they say is traced too
                    try {
                        kernel.migrate(alive.get(i), i % 2 == 0 ? "balance" : "home");
                    } catch (ssi.kernel.KernelException e) {
                        refused.add("refused: " + e.getMessage());
                    }
                }
                kernel.advance(3 * second);
                kernel.kill(alive.get(1), Signal.SIGCONT);
                kernel.setSpeed(4, 0.5);
                kernel.crash(9);
                kernel.addNode("late", 2.5, 2, 2048L << 20, 64L << 20);
                kernel.advance(13 * second);
                List<String> lines = new java.util.ArrayList<>(kernel.trace());
                lines.add("# migrations refused");
                lines.addAll(refused);
                lines.add("# nodes");
                kernel.nodes().forEach(n -> lines.add(n.toString()));
                lines.add("# processes");
                kernel.ps().forEach(p -> lines.add(p.toString()));
                lines.add("# usage");
                kernel.usage().values().forEach(v -> lines.add(v.toString()));
                return lines;
            }
        } finally {
            deleteTree(dir);
        }
    }

    private static void check(String name, List<String> trace) throws IOException {
        Path golden = GOLDEN.resolve(name + ".trace");
        String actual = String.join("\n", trace) + "\n";
        if (RECORD) {
            Files.createDirectories(GOLDEN);
            Files.writeString(golden, actual);
            return;
        }
        assertTrue(Files.isRegularFile(golden), golden + " is missing: record it with -Dgolden.record=true");
        String expected = Files.readString(golden);
        if (!expected.equals(actual)) {
            Path got = Path.of("target", "golden-actual", name + ".trace");
            Files.createDirectories(got.getParent());
            Files.writeString(got, actual);
            List<String> want = expected.lines().toList();
            int i = 0;
            while (i < want.size() && i < trace.size() && want.get(i).equals(trace.get(i))) {
                i++;
            }
            fail(name + ": the trace differs from " + golden + " at line " + (i + 1) + ":\n  want: "
                    + (i < want.size() ? want.get(i) : "(end)") + "\n  got:  " + (i < trace.size() ? trace.get(i) : "(end)")
                    + "\n(the whole trace: " + got.toAbsolutePath() + ")");
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
