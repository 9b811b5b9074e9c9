package ssi.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;
import ssi.api.ProcessState;
import ssi.guest.ProcessBody;
import ssi.guest.Syscall;
import ssi.guest.Yield;

/** A guest's fault stays in the guest: bad arguments are errors it can catch, and a kernel failure while serving one process ends that process only. */
class ContainmentTest extends LabTest {

    @Test
    void argumentsTheKernelCannotTakeAreErrorsTheGuestCatches() throws Exception {
        try (LabRun r = new LabRun(lab, runtime, 1)) {
            int idle = r.kernel.spawn(3, "cpu.js", List.of());
            int zero = r.kernel.spawn(1, "mem.js", List.of("0")); // the case: ssi.alloc(0) once broke the whole cluster
            int hello = r.kernel.spawn(1, "hello.js", List.of());
            int bad = r.kernel.spawn(2, "badargs.js", List.of());
            r.kernel.advance(200 * MS);
            r.kernel.checkInvariants();
            assertEquals(1, r.kernel.exitStatus(zero).orElseThrow(), "its uncaught error ends it: " + r.text(zero));
            assertTrue(r.text(zero).contains("alloc: invalid argument: size must be at least 1 byte, got 0"), r.text(zero));
            assertEquals(0, r.kernel.exitStatus(hello).orElseThrow());
            assertTrue(r.text(hello).startsWith("hello from JavaScript"), r.text(hello));
            List<String> lines = r.text(bad).lines().toList();
            assertEquals(5, lines.size(), r.text(bad));
            assertTrue(lines.get(0).contains("alloc: invalid argument"), lines.get(0));
            assertTrue(lines.get(1).contains("alloc: out of memory"), lines.get(1));
            assertTrue(lines.get(2).contains("free: no block 99"), lines.get(2));
            assertTrue(lines.get(3).contains("wait: process 99 is not a child"), lines.get(3));
            assertEquals("still here", lines.get(4));
            assertEquals(ProcessState.SLEEPING, r.info(bad).state(), "asleep past the clock's end");
            assertTrue(r.kernel.exitStatus(idle).isEmpty(), "others go on");
            r.kernel.advance(1 * S);
            r.kernel.kill(bad, ssi.api.Signal.SIGKILL);
            r.kernel.checkInvariants();
        }
    }

    @Test
    void badValuesAreShownInTheGuestsTerms() throws Exception { // found by the fuzz suite: a string handler was shown as a host class
        try (LabRun r = new LabRun(lab, runtime, 1)) {
            int js = r.kernel.spawn(1, "badvalues.js", List.of());
            int py = r.kernel.spawn(2, "badvalues.py", List.of());
            assertEquals(0, r.finish(js));
            assertEquals(0, r.finish(py));
            String signals = "(known: [SIGHUP, SIGINT, SIGKILL, SIGUSR1, SIGUSR2, SIGPIPE, SIGALRM, SIGTERM, SIGCHLD, SIGCONT, SIGSTOP])";
            assertEquals(List.of("Error: signal: the handler of SIGUSR1 must be a function, got 'x'",
                    "Error: migrate: target must be a node id, a node name or 'home', got a value of type Object",
                    "Error: kill: a signal is a name or a number, got a value of type Array",
                    "Error: kill: no signal '" + "y".repeat(60) + "...' " + signals), r.text(js).lines().toList());
            assertEquals(List.of("TypeError: ssi.getpid() takes 0 positional arguments but 1 was given",
                    "TypeError: ssi.wait() missing 1 required positional argument: 'pid'",
                    "TypeError: ssi.recv() takes from 0 to 1 positional argument but 2 were given",
                    "OverflowError: signed integer is greater than maximum", "OverflowError: signed integer is less than minimum",
                    "OverflowError: Python int too large to convert to C int"),
                    r.text(py).lines().toList());
        }
    }

    @Test
    void aFailureOfTheLanguageRuntimeIsAnInternalErrorWithAReport() throws Exception { // found by the fuzz suite: open(2**31) in GraalPy
        try (LabRun r = new LabRun(lab, runtime, 1)) {
            int pid = r.kernel.spawn(1, "internal.py", List.of());
            r.kernel.runUntilExit(pid, S);
            assertFaulted(r, pid, r.exitTimes.get(pid), "UnsupportedSpecializationException", "/bin/internal.py");
        }
    }

    @Test
    void aTerminalPipeNoOneReadsIsNodesEpipe() throws Exception { // found by the fuzz suite: console.log threw the host's exception
        try (LabRun r = new LabRun(lab, runtime, 1)) {
            List<Integer> pids = r.kernel.pipeline(1, List.of(List.of("epipe.js"), List.of("hello.js")),
                    List.of(RunOptions.DEFAULT, RunOptions.DEFAULT));
            assertEquals(0, r.finish(pids.getFirst()));
            assertTrue(r.text(pids.getFirst()).matches("Error EPIPE: write: broken pipe \\(EPIPE\\): no process reads pipe \\d+\n"),
                    r.text(pids.getFirst()));
            pids = r.kernel.pipeline(1, List.of(List.of("epipe.py"), List.of("hello.js")), List.of(RunOptions.DEFAULT, RunOptions.DEFAULT));
            assertEquals(0, r.finish(pids.getFirst()), "Python's print: once the kernel's internal error"); // found by the fuzz suite too
            assertEquals("BrokenPipeError 32: Broken pipe\n", r.text(pids.getFirst()));
        }
    }

    @Test
    void aKernelFailureInOneProcessSliceEndsThatProcessOnly() throws Exception {
        try (LabRun r = new LabRun(lab, runtime, 1)) {
            int before = r.kernel.spawn(1, "cpu.js", List.of());
            int broken = r.kernel.spawnBody(1, "broken", calls -> new Body(3, budget -> {
                throw new IllegalStateException("a bug in a slice");
            }));
            int after = r.kernel.spawn(1, "hello.js", List.of());
            r.kernel.advance(100 * MS);
            assertFaulted(r, broken, 20 * MS, "a bug in a slice");
            assertEquals(0, r.kernel.exitStatus(after).orElseThrow(), "the cluster goes on: " + r.text(after));
            assertTrue(r.kernel.exitStatus(before).isEmpty());
            r.kernel.checkInvariants();
            r.kernel.advance(100 * MS);
            assertEquals(0.2, r.info(before).cpuSeconds(), 0.06, "it shared node 1 and then had it alone");
        }
    }

    @Test
    void aKernelFailureServingOneProcessCallEndsThatProcessOnly() throws Exception {
        try (LabRun r = new LabRun(lab, runtime, 1)) {
            int other = r.kernel.spawn(1, "cpu.js", List.of());
            // a call no binding makes (a message without data): the kernel trips over it
            int broken = r.kernel.spawnBody(1, "broken", calls -> new Body(2, budget -> new Yield.Trapped(0, new Syscall.Send(other, null))));
            r.kernel.advance(100 * MS);
            assertFaulted(r, broken, 10 * MS, "NullPointerException");
            assertTrue(r.kernel.exitStatus(other).isEmpty());
            r.kernel.checkInvariants();
        }
    }

    @Test
    void aZombieRunsNoMoreSlices() throws Exception { // found by the fuzz suite: the invariants once failed while a child waited to be reaped
        try (LabRun r = new LabRun(lab, runtime, 1)) {
            int parent = r.kernel.spawn(1, "zombie.js", List.of());
            r.kernel.advance(500 * MS);
            int kid = parent + 1;
            assertEquals(ProcessState.ZOMBIE, r.info(kid).state());
            r.kernel.checkInvariants();
            assertEquals(0, r.finish(parent));
            assertEquals("child " + kid + " exited with status 0\n", r.text(parent));
            r.kernel.checkInvariants();
        }
    }

    @Test
    void theInvariantCheckFindsMemoryNotAccountedFor() throws Exception {
        try (LabRun r = new LabRun(lab, runtime, 1)) {
            int pid = r.kernel.spawn(2, "cpu.js", List.of());
            r.kernel.advance(10 * MS);
            r.kernel.checkInvariants();
            synchronized (r.kernel) {
                r.kernel.processes.get(pid).memory.alloc(4096); // behind the kernel's back
            }
            IllegalStateException e = assertThrows(IllegalStateException.class, r.kernel::checkInvariants);
            assertTrue(e.getMessage().startsWith("kernel invariant broken: node 2 accounts "), e.getMessage());
        }
    }

    /** What a kernel failure while serving {@code pid} leaves: its end with status 134 at {@code t}, a line on its stderr, and a report. */
    private static void assertFaulted(LabRun r, int pid, long t, String cause) throws Exception {
        assertFaulted(r, pid, t, cause, "broken");
    }

    private static void assertFaulted(LabRun r, int pid, long t, String cause, String command) throws Exception {
        assertEquals(134, r.kernel.exitStatus(pid).orElseThrow());
        assertEquals(t, r.exitTimes.get(pid));
        String report = "reports/pid-" + pid + "-" + String.format("0.%09d", t) + ".txt";
        assertEquals("internal error: the kernel failed while serving process " + pid + " (its report: " + report + " in the state directory)\n",
                r.text(pid));
        assertTrue(r.kernel.trace().contains(String.format("0.%09d", t) + " fault pid=" + pid + " report=" + report), r.kernel.trace().toString());
        String written = Files.readString(r.kernel.files().state().resolve(report));
        assertTrue(written.startsWith("ssi kernel fault while serving process " + pid + " (" + command), written);
        assertTrue(written.contains(cause) && written.contains("\tat ssi.kernel"), "the Java stack trace: " + written);
    }

    /** A process body that computes whole slices, and at its {@code n}th does what {@code then} says. */
    private static final class Body implements ProcessBody {
        private final int n;
        private final java.util.function.LongFunction<Yield> then;
        private int slices;

        Body(int n, java.util.function.LongFunction<Yield> then) {
            this.n = n;
            this.then = then;
        }

        @Override
        public Yield resume(long budget, Object answer) {
            return ++slices == n ? then.apply(budget) : new Yield.BudgetSpent(budget, false);
        }

        @Override
        public void terminate() {}
    }
}
