package ssi.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ssi.guest.GuestRuntime;
import ssi.guest.Language;
import ssi.kernel.Image;
import ssi.kernel.Kernel;
import ssi.kernel.KernelListener;
import ssi.kernel.Output;

/**
 * The fuzz suite: seeded random shell commands (with /proc writes), and JavaScript and Python
 * guests calling every system call with random arguments; the same generators and checks as
 * {@code bench fuzz}, fewer cases. Each case must return, show no Java text, keep the kernel's
 * invariants and leave a cluster on which a normal program still runs.
 */
class FuzzTest {
    /** What the harnesses call: every ssi function (JS: its files too; Python: open and os instead), and /proc writes. */
    private static final Set<String> SSI = Set.of("getpid", "getppid", "time", "where", "restored", "pipe", "spawn", "wait", "waitinfo",
            "sleep", "migrate", "lock", "alloc", "free", "touch", "shmget", "shmat", "shmdt", "shmread", "shmwrite", "read", "write", "close",
            "send", "recv", "direct", "kill", "signal", "checkpoint", "proc");

    static GuestRuntime runtime;
    static Image paper5;

    @BeforeAll
    static void start() throws Exception {
        runtime = new GuestRuntime();
        paper5 = Image.load(Path.of("../images/paper5"));
    }

    @AfterAll
    static void stop() {
        runtime.close();
    }

    @Test
    void theGeneratorCoversTheShellsWholeVocabulary(@TempDir Path scratch) throws Exception {
        try (Kernel kernel = Kernel.boot(paper5, 1, runtime)) {
            Shell shell = new Shell(kernel, new PrintWriter(new StringWriter()));
            assertEquals(new TreeSet<>(shell.commandNames()), new TreeSet<>(new FuzzInputs(1, scratch.toString()).vocabulary()));
        }
    }

    @Test
    void randomCommandsNeverBreakTheEmulator(@TempDir Path scratch) throws Exception {
        FuzzTally tally = new ShellFuzz(paper5, runtime, scratch, 60_000).run(42, 2_000);
        assertTrue(tally.clean(), tally.toString());
        assertTrue(tally.cases() >= 2_000 && tally.cleanErrors() > tally.cases() / 3 && tally.cleanErrors() < tally.cases() * 9 / 10,
                "most commands are refused, many run: " + tally.summary());
    }

    @Test
    void guestsGetErrorsOfTheirOwnLanguageForAnyArguments() throws Exception {
        GuestFuzz guests = new GuestFuzz(paper5, runtime, 60_000);
        FuzzTally js = new FuzzTally("JavaScript calls"), python = new FuzzTally("Python calls");
        Set<String> jsCalls = new TreeSet<>(), pythonCalls = new TreeSet<>();
        for (int seed = 1; seed <= 3; seed++) {
            jsCalls.addAll(guests.run(Language.JS, seed, 500, js));
        }
        for (int seed = 1; seed <= 2; seed++) {
            pythonCalls.addAll(guests.run(Language.PYTHON, seed, 250, python));
        }
        assertTrue(js.clean() && python.clean(), js + "\n" + python);
        assertTrue(js.cases() >= 1_500 && python.cases() >= 500, js.summary() + "; " + python.summary());
        assertTrue(js.cleanErrors() > js.cases() / 3 && python.cleanErrors() > python.cases() / 3, js.summary() + "; " + python.summary());
        jsCalls.remove("exit"); // the last call: it has a line only when refused
        pythonCalls.remove("exit");
        Set<String> files = Set.of("open", "stat", "listdir", "unlink", "mkdir");
        assertEquals(union(SSI, files), jsCalls);
        assertEquals(union(SSI, Set.of("open", "fread", "fwrite", "fclose", "stat", "listdir", "remove", "mkdir")), pythonCalls);
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new TreeSet<>(a);
        all.addAll(b);
        return all;
    }

    /** Memory bombs in both languages end with the heap guard's message; the process beside them and the cluster go on. */
    @Test
    void aMemoryBombEndsOnlyItself(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("root/bin"));
        Files.writeString(dir.resolve("manifest.toml"), """
                name = "bombs"
                [memory]
                guest_heap_mb = 64
                heap_check_ms = 100
                heap_pressure_percent = 0
                [[node]]
                name = "n1"
                speed = 1.0
                [[node]]
                name = "n2"
                speed = 1.0
                """);
        // about a KB a statement, as fast as the meter lets them: 10 MB or so a quantum, the guard looks every 100 ms
        Files.writeString(dir.resolve("root/bin/bomb.js"), "const kept = [];\nfor (let i = 0; ; i++) {\n    kept.push(new Array(128).fill(i));\n}\n");
        Files.writeString(dir.resolve("root/bin/bomb.py"), "kept = []\ni = 0\nwhile True:\n    kept.append([i] * 128)\n    i += 1\n");
        for (String program : List.of("hello.js", "work.js")) {
            Files.copy(paper5.root().resolve("bin").resolve(program), dir.resolve("root/bin").resolve(program));
        }
        Map<Integer, StringBuilder> said = new HashMap<>();
        try (Kernel kernel = Kernel.boot(Image.load(dir), 1, runtime)) {
            kernel.addListener(new KernelListener() {
                @Override
                public synchronized void output(Output o) {
                    said.computeIfAbsent(o.pid(), p -> new StringBuilder()).append(o.text());
                }
            });
            int work = kernel.spawn(1, "work.js", List.of("2000000"));
            int js = kernel.spawn(1, "bomb.js", List.of());
            int python = kernel.spawn(2, "bomb.py", List.of());
            for (int bomb : List.of(js, python)) {
                assertEquals(137, kernel.runUntilExit(bomb, 10_000_000_000L).orElseThrow(), "killed by the guard: " + said.get(bomb));
                assertTrue(said.get(bomb).toString().startsWith("out of memory: process " + bomb + " exceeded its limit of 64 MB"),
                        said.get(bomb).toString());
                assertTrue(JavaText.find(said.get(bomb).toString()).isEmpty(), said.get(bomb).toString());
            }
            assertEquals(0, kernel.runUntilExit(work, 10_000_000_000L).orElseThrow());
            assertTrue(said.get(work).toString().startsWith("work.js: 2000000 iterations"), said.get(work).toString());
            kernel.checkInvariants();
            int hello = kernel.spawn(1, "hello.js", List.of());
            assertEquals(0, kernel.runUntilExit(hello, 1_000_000_000L).orElseThrow());
        }
    }

    @Test
    void javaTextIsFoundAndPlainWordsAreNot() {
        for (String java : List.of("ssi.guest.SyscallException: write: broken pipe", "\tat ssi.kernel.Kernel.advance(Kernel.java:474)",
                "mosctl: For input string: \"99999999999\"",
                "got com.oracle.truffle.api.strings.TruffleString", "Cannot invoke \"java.lang.Integer.intValue()\"")) {
            assertTrue(JavaText.find(java).isPresent(), java);
        }
        for (String plain : List.of("write: broken pipe (EPIPE): no process reads pipe 3", "hello from JavaScript: pid 1, t=0.000 s",
                "kill: no signal 'BOGUS' (kill -l lists them)", "TypeError: ssi.getpid() takes 0 positional arguments but 1 was given")) {
            assertTrue(JavaText.find(plain).isEmpty(), plain);
        }
    }
}
