package ssi.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import ssi.api.Migration;
import ssi.api.MigrationReason;
import ssi.api.NodeInfo;
import ssi.api.ProcessInfo;
import ssi.api.ProcessState;
import ssi.api.Signal;

/**
 * Migration, the deputy and constraints, with exact virtual times on the lab image: latency
 * 100 us, 128 Mbit/s (62.5 ns a byte), 4 KiB pages, a fixed part of 1 ms, 2000 work units of
 * deputy work per forwarded call, 1 MiB of runtime per process.
 */
class MigrationTest extends LabTest {
    static final long CONTROL = 100_000 + 64 * 125 / 2;     // one control message: latency + 64 bytes
    static final long NEGOTIATION = 2 * CONTROL;            // 208 us
    static final long PER_PAGE = 4096 * 125 / 2;            // 256 us on the wire
    static final long TRANSFER_BASE = MS + CONTROL;         // fixed part + latency + the 64-byte header
    static final long SERVICE_ON_SLOW = 2000 * S / 4_000_000; // the deputy's work at a speed-1.0 home: 0.5 ms

    static long frozenFor(long pages) {
        return NEGOTIATION + TRANSFER_BASE + pages * PER_PAGE;
    }

    /** The pages of a fresh process running {@code program}: 1 MiB of runtime plus its text. */
    static long basePages(String program) throws Exception {
        long bytes = (1 << 20) + Files.size(lab.root().resolve("bin").resolve(program));
        return (bytes + 4095) / 4096;
    }

    static String acc(String text) {
        Matcher m = Pattern.compile("acc=(\\d+)").matcher(text);
        assertTrue(m.find(), text);
        return m.group(1);
    }

    @Test
    void aRunningProcessMigratesAndFinishesWithTheSameResultAndWork() throws Exception {
        long stay;
        Output alone;
        ProcessInfo unmoved;
        try (LabRun r = new LabRun(lab, runtime, 1)) {
            int pid = r.kernel.spawn(1, "work.js", List.of("300000"));
            assertEquals(0, r.finish(pid));
            alone = r.out.getFirst();
            unmoved = r.ended.get(pid);
            stay = alone.time();
        }
        try (LabRun r = new LabRun(lab, runtime, 1)) {
            int pid = r.kernel.spawn(1, "work.js", List.of("300000"));
            r.kernel.advance(50 * MS);
            r.kernel.migrate(pid, "fast");
            assertEquals(ProcessState.FROZEN, r.info(pid).state());
            assertEquals(0, r.finish(pid));

            long pages = basePages("work.js");
            Migration m = r.moves.getFirst();
            assertEquals(new Migration(pid, 1, 2, MigrationReason.MANUAL, 50 * MS, 50 * MS + frozenFor(pages),
                    NEGOTIATION, TRANSFER_BASE + pages * PER_PAGE, pages, 64 + pages * 4096, "done"), m);

            // Away from home its output goes through the deputy at node 1: request, 0.5 ms of work, the write there.
            Output moved = r.out.getFirst();
            long request = 100_000 + Math.round((64 + moved.text().length()) * 62.5);
            long call = 50 * MS + m.frozen() + (stay - 50 * MS) / 2; // the rest of the work at twice the speed
            assertEquals(call + request + SERVICE_ON_SLOW, moved.time());
            assertEquals(acc(alone.text()), acc(moved.text()));

            ProcessInfo end = r.ended.get(pid);
            assertEquals(unmoved.work(), end.work(), "the same work, wherever it was done");
            assertEquals(1, end.nmigs());
            assertEquals(2, end.where());
            assertEquals(1, end.home());
            assertEquals(1, end.forwarded());
        }
    }

    @Test
    void pythonMigratesToo() throws Exception {
        String alone;
        long work;
        try (LabRun r = new LabRun(lab, runtime, 1)) {
            int pid = r.kernel.spawn(1, "work.py", List.of("100000"));
            assertEquals(0, r.finish(pid));
            alone = r.text(pid);
            work = r.ended.get(pid).work();
        }
        try (LabRun r = new LabRun(lab, runtime, 1)) {
            int pid = r.kernel.spawn(1, "work.py", List.of("100000"));
            r.kernel.advance(30 * MS);
            r.kernel.migrate(pid, "2");
            assertEquals(0, r.finish(pid));
            assertEquals(acc(alone), acc(r.text(pid)));
            assertEquals(work, r.ended.get(pid).work());
            assertEquals(1, r.ended.get(pid).nmigs());
            assertTrue(r.moves.getFirst().done());
        }
    }

    @Test
    void migrationTimeIsLinearInDirtyPagesAndOnlyDirtyPagesAreSent() throws Exception {
        long base = basePages("mem.js");
        for (int allocated : List.of(10, 110)) {
            try (LabRun r = new LabRun(lab, runtime, 1)) {
                int pid = r.kernel.spawn(1, "mem.js", List.of(String.valueOf(allocated * 4096), String.valueOf(3 * 4096 + 1)));
                r.kernel.advance(20 * MS);
                long bytes = (base + allocated) * 4096;
                assertEquals(bytes, r.info(pid).memory());
                assertEquals(bytes, r.info(pid).dirty(), "a fresh process and a fresh block are all dirty");
                long freeFast = r.kernel.nodes().get(1).freeMemory();
                r.kernel.migrate(pid, "fast");
                r.kernel.advance(10 * MS);
                assertEquals(ProcessState.FROZEN, r.info(pid).state());
                assertEquals(freeFast - bytes, r.kernel.nodes().get(1).freeMemory(), "the destination reserved its memory");
                assertEquals(0.5, r.kernel.nodes().get(1).load(), "and a CPU (a speed-2 node)");
                r.kernel.advance(190 * MS);
                Migration first = r.moves.getFirst();
                assertEquals(base + allocated, first.pages());
                assertEquals(frozenFor(base + allocated), first.frozen());
                assertEquals(freeFast - bytes, r.kernel.nodes().get(1).freeMemory());
                assertEquals(1L << 30, r.kernel.nodes().get(0).freeMemory(), "the source gave its memory back");
                assertEquals(4 * 4096, r.info(pid).dirty(), "it wrote 3 pages and a byte since it moved");

                r.kernel.migrate(pid, "home");
                r.kernel.advance(100 * MS);
                Migration back = r.moves.get(1);
                assertEquals(4, back.pages());
                assertEquals(frozenFor(4), back.frozen());
                assertEquals(1, r.info(pid).where());
                assertEquals(2, r.info(pid).nmigs());
            }
        }
    }

    @Test
    void aMigrationTheDestinationCannotTakeIsRolledBackAndLosesNothing() throws Exception {
        long stay;
        String alone;
        try (LabRun r = new LabRun(lab, runtime, 1)) {
            int pid = r.kernel.spawn(1, "work.js", List.of("300000"));
            assertEquals(0, r.finish(pid));
            stay = r.exitTimes.get(pid);
            alone = r.text(pid);
        }
        try (LabRun r = new LabRun(lab, runtime, 1)) {
            int hog = r.kernel.spawn(4, "mem.js", List.of("500000"));
            int pid = r.kernel.spawn(1, "work.js", List.of("300000"));
            r.kernel.advance(50 * MS);
            long free = r.kernel.nodes().get(3).freeMemory();
            r.kernel.migrate(pid, "tiny");
            assertEquals(0, r.finish(pid));
            Migration m = r.moves.getFirst();
            assertEquals("rolled back: tiny has " + free + " bytes free, the process needs " + basePages("work.js") * 4096, m.outcome());
            assertEquals(NEGOTIATION, m.frozen(), "frozen only while it asked");
            assertEquals(0, m.pages());
            assertEquals(stay + NEGOTIATION, r.exitTimes.get(pid), "it went on at the source");
            assertEquals(acc(alone), acc(r.text(pid)));
            assertEquals(0, r.ended.get(pid).nmigs());
            assertEquals(1, r.ended.get(pid).where());
            assertEquals(ProcessState.SLEEPING, r.info(hog).state());
        }
    }

    @Test
    void anIoBoundProcessAwayFromHomeKeepsLoadingItsHome() throws Exception {
        try (LabRun r = new LabRun(lab, runtime, 1)) {
            int cpu = r.kernel.spawn(1, "cpu.js", List.of());
            int io = r.kernel.spawn(1, "io.js", List.of("200"), new RunOptions(2, false, RunOptions.Mode.STRICT));
            r.kernel.advance(50 * MS);
            ProcessInfo away = r.info(io);
            assertTrue(away.away());
            assertTrue(away.forwarded() > 0 && away.deputySeconds() > 0, away.toString());
            NodeInfo home = r.kernel.nodes().getFirst();
            assertEquals(1, home.deputies());
            assertEquals(1, home.processes());

            assertEquals(0, r.finish(io));
            long end = r.exitTimes.get(io);
            ProcessInfo done = r.ended.get(io);
            assertEquals(200, done.forwarded(), "one forwarded write per line");
            assertEquals(200 * 0.0005, done.deputySeconds(), 1e-12, "0.5 ms of home CPU per call");
            assertTrue(end > 0.1 * S, "200 round trips through home");
            r.kernel.advance(20 * MS); // the deputy's last CPU time is taken from the quantum after it
            double elapsed = r.kernel.now() / 1e9;
            double homeBusy = r.info(cpu).cpuSeconds() + done.deputySeconds();
            assertEquals(elapsed, homeBusy, 1e-4, "home's CPU was shared by cpu.js and the deputy, and never idle");
            assertEquals(elapsed - 0.1, r.info(cpu).cpuSeconds(), 1e-4, "cpu.js lost exactly the deputy's time");

            for (Output line : r.out.stream().filter(o -> o.pid() == io).toList()) {
                long stamped = Long.parseLong(line.text().strip().split(" ")[1]);
                long request = 100_000 + Math.round((64 + line.text().length()) * 62.5);
                assertTrue(line.time() - stamped >= request + SERVICE_ON_SLOW, "each write waits for its deputy: " + line);
            }
        }
        try (LabRun r = new LabRun(lab, runtime, 1)) {
            int io = r.kernel.spawn(1, "io.js", List.of("200"));
            assertEquals(0, r.finish(io));
            assertEquals(0, r.ended.get(io).forwarded(), "at home nothing is forwarded");
            assertEquals(0.0, r.ended.get(io).deputySeconds());
        }
    }

    @Test
    void sharedMemoryIsRefusedUnderStrictMosrunAndConfinesOtherwise() throws Exception {
        try (LabRun r = new LabRun(lab, runtime, 1)) {
            int strict = r.kernel.spawn(1, "shm.js", List.of());
            assertEquals(1, r.finish(strict));
            assertEquals(Kernel.SHARED_MEMORY_REFUSED + "\n", r.text(strict));
        }
        try (LabRun r = new LabRun(lab, runtime, 1)) {
            int pid = r.kernel.spawn(1, "shm.js", List.of(), new RunOptions(2, false, RunOptions.Mode.CONFINE_ON_USE));
            r.kernel.advance(100 * MS);
            assertEquals("monkey", r.info(pid).cantmove());
            KernelException e = assertThrows(KernelException.class, () -> r.kernel.migrate(pid, "fast"));
            assertTrue(e.getMessage().endsWith("cannot move: monkey"), e.getMessage());
            assertEquals(0, r.finish(pid));
            assertEquals("attached at 1\nmigrate: process " + pid + " cannot move: monkey\nacc=" + acc(r.text(pid)) + "\n", r.text(pid));
            Migration home = r.moves.getFirst();
            assertEquals(MigrationReason.CONSTRAINT, home.reason());
            assertEquals(2, home.from());
            assertEquals(1, home.to());
            assertTrue(home.done());
            assertEquals(1, r.moves.size());
        }
        try (LabRun r = new LabRun(lab, runtime, 1)) {
            RunOptions nativeAway = new RunOptions(2, false, RunOptions.Mode.NATIVE);
            assertThrows(KernelException.class, () -> r.kernel.spawn(1, "shm.js", List.of(), nativeAway));
            int pid = r.kernel.spawn(1, "shm.js", List.of(), new RunOptions(RunOptions.HOME, false, RunOptions.Mode.NATIVE));
            assertEquals("native", r.info(pid).cantmove());
            assertEquals(0, r.finish(pid));
            assertTrue(r.text(pid).startsWith("attached at 1\nmigrate: process " + pid + " cannot move: native\n"), r.text(pid));
            assertTrue(r.moves.isEmpty());
        }
    }

    @Test
    void locksHold() throws Exception {
        try (LabRun r = new LabRun(lab, runtime, 1)) {
            int pid = r.kernel.spawn(1, "locker.py", List.of());
            assertEquals(0, r.finish(pid));
            assertEquals("locked: [Errno 1] migrate: process " + pid + " cannot move: user_lock\nmoved to 2 where 2 pid " + pid + "\n", r.text(pid));
            assertEquals(1, r.ended.get(pid).nmigs());
        }
        try (LabRun r = new LabRun(lab, runtime, 1)) {
            int pid = r.kernel.spawn(1, "cpu.js", List.of(), new RunOptions(RunOptions.HOME, true, RunOptions.Mode.STRICT));
            assertTrue(r.info(pid).locked());
            assertEquals("user_lock", r.info(pid).cantmove());
            KernelException e = assertThrows(KernelException.class, () -> r.kernel.migrate(pid, "fast"));
            assertEquals("process " + pid + " cannot move: user_lock", e.getMessage());
            r.kernel.advance(100 * MS);
            assertEquals(1, r.info(pid).where());
            assertEquals(0, r.info(pid).nmigs());
        }
    }

    @Test
    void aProcessRoamsAndKeepsItsHomePid() throws Exception {
        try (LabRun r = new LabRun(lab, runtime, 1)) {
            int pid = r.kernel.spawn(1, "roam.js", List.of("fast", "3", "home"));
            assertEquals(0, r.finish(pid));
            String text = r.text(pid);
            assertTrue(text.startsWith("at 2 where=2 samepid=true\nat 3 where=3 samepid=true\nat 1 where=1 samepid=true\nacc="), text);
            assertEquals(3, r.ended.get(pid).nmigs());
            assertEquals(List.of(1, 2, 3), r.moves.stream().map(Migration::from).toList());
            assertEquals(List.of(2, 3, 1), r.moves.stream().map(Migration::to).toList());
            // The first move sends everything; later moves only what it wrote since (nothing: no ssi.touch).
            assertEquals(List.of(basePages("roam.js"), 0L, 0L), r.moves.stream().map(Migration::pages).toList());
            KernelException e = assertThrows(KernelException.class, () -> r.kernel.migrate(pid, "mars"));
            assertTrue(e.getMessage().contains("no process"), e.getMessage());
        }
        try (LabRun r = new LabRun(lab, runtime, 1)) {
            int pid = r.kernel.spawn(1, "cpu.js", List.of());
            KernelException e = assertThrows(KernelException.class, () -> r.kernel.migrate(pid, "mars"));
            assertTrue(e.getMessage().startsWith("no node 'mars'"), e.getMessage());
            e = assertThrows(KernelException.class, () -> r.kernel.migrate(pid, "1"));
            assertEquals("process " + pid + " already runs on slow", e.getMessage());
        }
    }

    @Test
    void memoryIsAccountedPerNode() throws Exception {
        try (LabRun r = new LabRun(lab, runtime, 1)) {
            int pid = r.kernel.spawn(1, "mem.py", List.of("5000"));
            assertEquals(0, r.finish(pid));
            String text = r.text(pid);
            assertTrue(text.startsWith("refused: [Errno 12] alloc: out of memory: slow has "), text); // MemoryError's errno, as CPython prints an OSError
            assertTrue(text.contains("asked 1099511627776\nrefused: [Errno 22] touch: bytes 5000+1 are outside block 1 of 5000 bytes\nfreed at 1\n"), text);
            // A node never hosts more than it has.
            int first = r.kernel.spawn(4, "mem.js", List.of("500000"));
            KernelException e = assertThrows(KernelException.class, () -> r.kernel.spawn(4, "mem.js", List.of("1")));
            assertTrue(e.getMessage().startsWith("out of memory: tiny has "), e.getMessage());
            r.kernel.advance(10 * MS);
            assertTrue(r.kernel.nodes().get(3).freeMemory() < 1 << 20);
            r.kernel.kill(first, Signal.SIGKILL);
            assertEquals(2L << 20, r.kernel.nodes().get(3).freeMemory());
        }
    }

    @Test
    void bestNodeStartsAwayFromHome() throws Exception {
        try (LabRun r = new LabRun(lab, runtime, 1)) {
            int pid = r.kernel.spawn(1, "cpu.js", List.of(), new RunOptions(RunOptions.BEST, false, RunOptions.Mode.STRICT));
            assertEquals(2, r.info(pid).where(), "the fastest idle node");
            assertEquals(1, r.info(pid).home());
        }
    }

    @Test
    void theSameSeedGivesTheSameMigrationTrace() throws Exception {
        List<String> first = null;
        for (int run = 0; run < 2; run++) {
            try (LabRun r = new LabRun(lab, runtime, 3)) {
                r.kernel.spawn(1, "roam.js", List.of("fast", "duo", "home"));
                int io = r.kernel.spawn(1, "io.js", List.of("50"), new RunOptions(3, false, RunOptions.Mode.STRICT));
                int mem = r.kernel.spawn(1, "mem.js", List.of("40000", "9000"));
                r.kernel.advance(30 * MS);
                r.kernel.migrate(mem, "fast");
                r.kernel.advance(400 * MS);
                r.kernel.kill(mem, Signal.SIGKILL);
                assertTrue(r.kernel.exitStatus(io).isPresent());
                List<String> trace = r.kernel.trace();
                assertTrue(trace.stream().filter(l -> l.contains(" migrated ")).count() >= 4, String.join("\n", trace));
                if (first == null) {
                    first = trace;
                } else {
                    assertEquals(first, trace);
                }
            }
        }
    }

    @Test
    void aProcessAwaySendsItsDeputyWholeLines() throws Exception {
        try (LabRun r = new LabRun(lab, runtime, 1)) {
            int pid = r.kernel.spawn(1, "hello.py", List.of(), new RunOptions(2, false, RunOptions.Mode.STRICT));
            assertEquals(0, r.finish(pid));
            long lines = r.text(pid).lines().count();
            assertEquals(lines, r.ended.get(pid).forwarded(), "one forwarded write per line (Python's print writes its text and its newline apart)");
            assertEquals(lines, r.out.stream().filter(o -> o.pid() == pid).count());
        }
    }
}
