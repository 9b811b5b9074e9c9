package ssi.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import ssi.api.ProcessInfo;
import ssi.api.Signal;
import ssi.guest.GuestRuntime;

class KernelTest extends LabTest {

    @Test
    void theJitIsOn() {
        assertNotEquals("Interpreted", runtime.implementationName());
    }

    @Test
    void helloInBothLanguages() throws Exception {
        try (LabRun r = new LabRun(lab, runtime, 1)) {
            int js = r.kernel.spawn(1, "hello.js", List.of());
            int py = r.kernel.spawn(2, "/bin/hello.py", List.of());
            assertEquals(0, r.finish(js));
            assertEquals(0, r.finish(py));
            assertEquals("hello from JavaScript: pid " + js + ", t=0.000 s\n", r.text(js));
            assertEquals("hello from Python: pid " + py + ", t=0.000 s\n", r.text(py));
        }
    }

    @Test
    void twoCpuBoundProcessesOnOneNodeEachGetHalfOfIt() throws Exception {
        try (LabRun r = new LabRun(lab, runtime, 1)) {
            int a = r.kernel.spawn(1, "cpu.js", List.of());
            int b = r.kernel.spawn(1, "cpu.py", List.of());
            int alone = r.kernel.spawn(2, "cpu.js", List.of());
            r.kernel.advance(1 * S);
            assertEquals(0.5, cpu(r, a), 1e-12);
            assertEquals(0.5, cpu(r, b), 1e-12);
            assertEquals(1.0, cpu(r, alone), 1e-12, "alone on a node: all of it");
            r.kernel.kill(a, Signal.SIGKILL);
            r.kernel.advance(1 * S);
            assertEquals(1.5, cpu(r, b), 1e-12, "alone after the other was killed");
        }
    }

    @Test
    void twoCpusRunTwoProcessesAtFullSpeed() throws Exception {
        try (LabRun r = new LabRun(lab, runtime, 1)) {
            int a = r.kernel.spawn(3, "cpu.js", List.of());
            int b = r.kernel.spawn(3, "cpu.js", List.of());
            int c = r.kernel.spawn(3, "cpu.js", List.of());
            r.kernel.advance(300 * MS);
            for (int pid : List.of(a, b, c)) {
                // two thirds of 10 ms at 4M units/s is 26666.67 units: the kernel grants whole units
                assertEquals(30 * 26666 / 4e6, cpu(r, pid), 1e-12, "three processes on two CPUs: two thirds each");
            }
        }
    }

    @Test
    void theSameProgramFinishesInHalfTheTimeOnANodeTwiceAsFast() throws Exception {
        // Exact counts: an engine of its own and loops short of on-stack compilation (see below).
        try (GuestRuntime fresh = new GuestRuntime()) {
            for (String prog : List.of("work.js", "work.py")) {
                try (LabRun r = new LabRun(lab, fresh, 1)) {
                    int slow = r.kernel.spawn(1, prog, List.of("40000"));
                    int fast = r.kernel.spawn(2, prog, List.of("40000"));
                    assertEquals(0, r.finish(slow));
                    assertEquals(0, r.finish(fast));
                    long ts = r.exitTimes.get(slow);
                    long tf = r.exitTimes.get(fast);
                    assertTrue(ts > 20 * MS, prog + " should take a while: " + ts);
                    assertEquals(ts, 2 * tf, prog + ": exit times " + ts + " and " + tf);
                }
            }
        }
    }

    @Test
    void sameSeedSameTraceOtherSeedOtherRandomNumbers() throws Exception {
        // GraalPy counts one statement more when a loop enters code the JIT compiled on the stack
        // (OSR), and whether it does depends on when the JIT is done: so these runs have an engine of
        // their own, which no other test's loops have warmed, and loops too short to be compiled so.
        try (GuestRuntime fresh = new GuestRuntime()) {
            List<String> first = workload(fresh, 11);
            List<String> second = workload(fresh, 11);
            assertEquals(first, second);
            List<String> other = workload(fresh, 12);
            assertNotEquals(first.stream().filter(l -> l.contains("dice")).toList(),
                    other.stream().filter(l -> l.contains("dice")).toList());
        }
    }

    private List<String> workload(GuestRuntime engine, long seed) throws Exception {
        try (LabRun r = new LabRun(lab, engine, seed)) {
            int fam = r.kernel.spawn(1, "family.js", List.of("20000"));
            r.kernel.spawn(2, "dice.js", List.of());
            r.kernel.spawn(2, "dice.py", List.of());
            int cpu = r.kernel.spawn(1, "cpu.py", List.of());
            r.kernel.spawn(3, "sleepy.py", List.of());
            r.kernel.advance(200 * MS);
            r.kernel.kill(cpu, Signal.SIGTERM);
            r.finish(fam);
            r.kernel.advance(500 * MS);
            assertTrue(r.kernel.ps().isEmpty(), "all ended: " + r.kernel.ps());
            return r.kernel.trace();
        }
    }

    @Test
    void guestClocksAreVirtual() throws Exception {
        try (LabRun r = new LabRun(lab, runtime, 1)) {
            r.kernel.advance(1 * S);
            int py = r.kernel.spawn(1, "sleepy.py", List.of());
            int js = r.kernel.spawn(1, "dice.js", List.of());
            assertEquals(0, r.finish(py));
            assertEquals(0, r.finish(js));
            assertEquals("slept 0.250 s of virtual time\n", r.text(py));
            // the clock advances with the work done: 2 statements after the spawn at 1 s (Date.now() in whole ms,
            // performance.now() since the process started, as in Node)
            assertTrue(r.text(js).matches("dice \\d+ \\d+ now=1000 perf=0\\.0005\\d* date=1970-01-01T00:00:01.000Z\n"), r.text(js));
        }
    }

    @Test
    void killEndsEndlessLoopsInBothLanguages() throws Exception {
        try (LabRun r = new LabRun(lab, runtime, 1)) {
            List<Integer> pids = new ArrayList<>();
            for (String p : List.of("cpu.js", "cpu.py", "empty_loop.js", "empty_loop.py")) {
                pids.add(r.kernel.spawn(1 + pids.size() % 3, p, List.of()));
            }
            r.kernel.advance(100 * MS);
            for (int pid : pids) {
                assertTrue(cpu(r, pid) > 0, "process " + pid + " ran");
                r.kernel.kill(pid, Signal.SIGKILL);
                assertEquals(137, r.kernel.exitStatus(pid).orElseThrow());
            }
            assertTrue(r.kernel.ps().isEmpty());
            r.kernel.advance(10 * MS);
        }
    }

    /** Compiled object-heavy code settles its slices lazily: it is still shared exactly, and killed within a quantum. */
    @Test
    void objectHeavyEndlessLoopsArePreemptedExactlyAndKilled() throws Exception {
        try (LabRun r = new LabRun(lab, runtime, 1)) {
            RunOptions locked = new RunOptions(RunOptions.HOME, true, RunOptions.Mode.STRICT); // both stay on node 1
            int js = r.kernel.spawn(1, "hog.js", List.of(), locked);
            int py = r.kernel.spawn(1, "hog.py", List.of(), locked);
            r.kernel.advance(3 * S); // long enough for the JIT to compile their loops
            assertEquals(1.5, cpu(r, js), 1e-12, "half of node 1 each, to the unit");
            assertEquals(1.5, cpu(r, py), 1e-12);
            r.kernel.kill(js, Signal.SIGKILL);
            r.kernel.kill(py, Signal.SIGKILL);
            assertEquals(137, r.kernel.exitStatus(js).orElseThrow());
            assertEquals(137, r.kernel.exitStatus(py).orElseThrow());
            r.kernel.advance(10 * MS);
            assertTrue(r.kernel.ps().isEmpty());
        }
    }

    @Test
    void spawnAndWait() throws Exception {
        try (LabRun r = new LabRun(lab, runtime, 1)) {
            int fam = r.kernel.spawn(1, "family.js", List.of());
            assertEquals(0, r.finish(fam));
            String text = r.text(fam);
            assertTrue(text.startsWith("parent " + fam + " spawned " + (fam + 1) + ", " + (fam + 2)), text);
            assertTrue(text.contains("child " + (fam + 1) + " exited with status 0"), text);
            assertTrue(text.contains("child " + (fam + 2) + " exited with status 0"), text);
            assertTrue(r.text(fam + 1).startsWith("work.js: 200000 iterations"), r.text(fam + 1));
        }
    }

    @Test
    void brokenProgramsFailCleanlyAndOthersGoOn() throws Exception {
        try (LabRun r = new LabRun(lab, runtime, 1)) {
            int cpu = r.kernel.spawn(1, "cpu.js", List.of());
            int bj = r.kernel.spawn(1, "broken.js", List.of());
            int bp = r.kernel.spawn(1, "broken.py", List.of());
            int th = r.kernel.spawn(1, "throws.py", List.of());
            int ex = r.kernel.spawn(1, "exits.js", List.of());
            assertEquals(1, r.finish(bj));
            assertEquals(1, r.finish(bp));
            assertEquals(1, r.finish(th));
            assertEquals(3, r.finish(ex));
            assertTrue(r.text(bj).startsWith("/bin/broken.js:2\nlet y = ;\n        ^\n\nSyntaxError: "), r.text(bj)); // as node says it
            assertTrue(r.text(bp).startsWith("  File \"/bin/broken.py\", line 2\n") && r.text(bp).contains("SyntaxError: "), r.text(bp)); // as CPython
            assertEquals("""
                    Traceback (most recent call last):
                      File "/bin/throws.py", line 3, in <module>
                        inner()
                      File "/bin/throws.py", line 2, in inner
                        raise ValueError("bad value")
                    ValueError: bad value
                    """, r.text(th), "as CPython prints it");
            assertEquals("before\n", r.text(ex));
            assertThrows(KernelException.class, () -> r.kernel.spawn(1, "nope.js", List.of()));
            assertThrows(KernelException.class, () -> r.kernel.spawn(1, "../../manifest.toml", List.of()));
            assertThrows(KernelException.class, () -> r.kernel.spawn(9, "hello.js", List.of()));
            r.kernel.advance(50 * MS);
            assertTrue(r.kernel.process(cpu).isPresent(), "the other process goes on");
        }
    }

    @Test
    void theSandboxRefusesHostAccess() throws Exception {
        try (LabRun r = new LabRun(lab, runtime, 1)) {
            int js = r.kernel.spawn(1, "probe.js", List.of());
            assertEquals(0, r.finish(js));
            assertEquals(6, r.text(js).lines().filter(l -> l.endsWith(": refused")).count(), r.text(js));
            // Some of GraalPy's refusals are host errors that Python code cannot catch: then the probe dies.
            for (String attempt : List.of("hostFile", "listdir", "socket", "subprocess", "javaImport", "polyglot", "thread")) {
                int py = r.kernel.spawn(2, "probe.py", List.of(attempt));
                int status = r.finish(py);
                String text = r.text(py);
                assertFalse(text.contains("ALLOWED"), text);
                assertTrue(status == 0 ? text.equals(attempt + ": refused\n") : status == 1 && !text.isEmpty(), attempt + ": " + text);
            }
        }
    }

    private static double cpu(LabRun r, int pid) {
        return r.kernel.process(pid).map(ProcessInfo::cpuSeconds).orElseThrow();
    }

    @Test
    void theTraceKeepsTheLatestEventsSoALongRunCannotFillTheHeap() throws Exception {
        try (LabRun r = new LabRun(lab, runtime, 1)) {
            int lines = Trace.LIMIT + 100;
            int pid = r.kernel.spawn(1, "io.js", List.of(String.valueOf(lines)));
            assertEquals(0, r.finish(pid));
            List<String> trace = r.kernel.trace();
            assertEquals(Trace.LIMIT + 1, trace.size());
            assertEquals("... 103 earlier events dropped", trace.getFirst()); // boot, spawn and the first 101 lines
            assertTrue(trace.getLast().endsWith("exit pid=" + pid + " status=0"), trace.getLast());
        }
    }
}
