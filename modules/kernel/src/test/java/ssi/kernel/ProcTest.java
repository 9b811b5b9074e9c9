package ssi.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.util.List;
import org.junit.jupiter.api.Test;
import ssi.api.MigrationReason;
import ssi.mfs.FileView;

/** The /proc files, read and written by guests and by the shell (the namespace as node 1 sees it), and what the admin switches do. */
class ProcTest extends LabTest {
    private static String cat(FileView files, String path) throws Exception {
        return new String(files.read(path), StandardCharsets.UTF_8);
    }

    @Test
    void aPythonGuestReadsAndWritesProc() throws Exception {
        try (LabRun r = new LabRun(lab, runtime, 1)) {
            int pid = r.kernel.spawn(2, "procs.py", List.of());
            int other = r.kernel.spawn(1, "cpu.js", List.of(), RunOptions.DEFAULT.as("alice"));
            assertEquals(0, r.finish(pid));
            assertEquals("""
                    speed of node 2: 2.00 cpus of node 3: 2
                    where: 2 from: 2 admin here: 2
                    now where: 3 nmigs: 1 ssi.where: 3
                    /proc/mosix/admin/block refused: [Errno 13] Permission denied
                    /proc/2/where refused: [Errno 13] Permission denied
                    /proc/self/lock refused: [Errno 5] want 0 or 1, got 'banana'
                    /proc/mosix/nodes/1/speed refused: [Errno 13] Permission denied
                    /proc/self/where refused: [Errno 5] no node 9 (nodes are 1-4)
                    ['admin', 'clusters', 'nodes', 'queue'] ['cantmove', 'from', 'goto', 'lock', 'migrations', 'nmigs', 'stat', 'status', 'where']
                    """, r.text(pid));
            r.kernel.kill(other, ssi.api.Signal.SIGKILL);
        }
    }

    @Test
    void theShellReadsNodesAndProcessesAndSetsTheAdminSwitches() throws Exception {
        try (LabRun r = new LabRun(lab, runtime, 1)) {
            FileView shell = r.kernel.files().view(1);
            int guest = r.kernel.spawn(2, "cpu.js", List.of(), new RunOptions(1, false, RunOptions.Mode.STRICT)); // home 2, runs on 1
            r.kernel.advance(LabRun.S / 10);
            assertEquals("2\n", cat(shell, "/proc/mosix/nodes/3/cpus"));
            assertEquals("2.00\n", cat(shell, "/proc/mosix/nodes/2/speed"));
            assertEquals("up\n", cat(shell, "/proc/mosix/nodes/1/status"));
            assertEquals("1\n", cat(shell, "/proc/" + guest + "/where"));
            assertEquals("2\n", cat(shell, "/proc/" + guest + "/from"));
            assertTrue(cat(shell, "/proc/" + guest + "/stat").contains("home 2\nwhere 1\n"), cat(shell, "/proc/" + guest + "/stat"));
            assertEquals(List.of("admin/", "clusters/", "nodes/", "queue"), shell.list("/proc/mosix"));
            FileSystemException banana = assertThrows(FileSystemException.class, () -> shell.write("/proc/mosix/admin/block", "banana\n".getBytes(), false));
            assertEquals("/proc/mosix/admin/block: want 0 or 1, got 'banana'", banana.getMessage());
            shell.write("/proc/mosix/admin/block", "1\n".getBytes(), false);
            assertEquals("1\n", cat(shell, "/proc/mosix/admin/block"));
            assertEquals("up block\n", cat(shell, "/proc/mosix/nodes/1/status"));
            int visitor = r.kernel.spawn(3, "cpu.js", List.of());
            KernelException blocked = assertThrows(KernelException.class, () -> r.kernel.migrate(visitor, "1"));
            assertEquals("node 1 blocks guests", blocked.getMessage());
            shell.write("/proc/mosix/admin/expel", "1\n".getBytes(), false); // the guest already there goes home
            r.kernel.advance(LabRun.S / 2);
            assertEquals(2, r.info(guest).where());
            assertEquals(MigrationReason.HOME_COMING, r.moves.getLast().reason());
            shell.write("/proc/" + visitor + "/where", "2\n".getBytes(), false);
            r.kernel.advance(LabRun.S / 2);
            assertEquals(2, r.info(visitor).where(), "moved by writing its where");
            assertEquals("1\n", cat(shell, "/proc/" + visitor + "/nmigs"));
        }
    }

    @Test
    void aJavaScriptGuestReadsAndWritesProc() throws Exception {
        try (LabRun r = new LabRun(lab, runtime, 1)) {
            int pid = r.kernel.spawn(1, "procs.js", List.of());
            assertEquals(0, r.finish(pid));
            assertEquals("""
                    lock 0 status R (running)
                    lock 1
                    write: /proc/self/where: process %d cannot move: user_lock
                    where 2 from 1 nmigs 1
                    1 2 manual
                    ["1","2","3","4"]
                    """.formatted(pid), r.text(pid));
        }
    }

    @Test
    void migrateBalanceGoesWhereTheProcessGetsMostCpu() throws Exception {
        try (LabRun r = new LabRun(lab, runtime, 1)) {
            int pid = r.kernel.spawn(1, "cpu.js", List.of());
            r.kernel.migrate(pid, "balance");
            r.kernel.advance(LabRun.S / 2);
            assertEquals(2, r.info(pid).where(), "the fast node");
            KernelException there = assertThrows(KernelException.class, () -> r.kernel.migrate(pid, "balance"));
            assertEquals("process " + pid + " already runs on fast, the best node for it", there.getMessage());
        }
    }

    @Test
    void aNodeShutDownSendsItsGuestsHomeAndBringsItsOwnBackLosingNone() throws Exception {
        try (LabRun r = new LabRun(lab, runtime, 1)) {
            int guest = r.kernel.spawn(1, "cpu.js", List.of(), new RunOptions(3, false, RunOptions.Mode.STRICT)); // home 1, on node 3
            int own = r.kernel.spawn(3, "cpu.js", List.of(), new RunOptions(2, false, RunOptions.Mode.STRICT));   // home 3, on node 2
            int local = r.kernel.spawn(3, "cpu.js", List.of());                                                    // home 3, on node 3
            r.kernel.advance(LabRun.S / 10);
            r.kernel.shutdown(3);
            r.kernel.advance(LabRun.S);
            assertEquals(1, r.info(guest).where(), "expelled to its home");
            assertEquals(3, r.info(own).where(), "brought home");
            assertEquals(3, r.info(local).where());
            assertEquals(3, r.kernel.ps().size(), "none lost");
            assertEquals("up block quiet stay\n", cat(r.kernel.files().view(1), "/proc/mosix/nodes/3/status"));
            assertEquals("node 3 blocks guests", assertThrows(KernelException.class, () -> r.kernel.migrate(guest, "3")).getMessage());
            r.kernel.restart(3);
            assertEquals("up\n", cat(r.kernel.files().view(1), "/proc/mosix/nodes/3/status"));
        }
    }

    /** Doubling node 1's speed doubles what its process gets from then on. */
    @Test
    void aNodeRunsAtTheSpeedItIsSetTo() throws Exception {
        try (LabRun r = new LabRun(lab, runtime, 1)) {
            int pid = r.kernel.spawn(1, "cpu.js", List.of());
            r.kernel.advance(LabRun.S);
            long before = r.info(pid).work();
            r.kernel.files().view(1).write("/proc/mosix/admin/speed", "2\n".getBytes(), false);
            r.kernel.advance(LabRun.S);
            assertEquals(2 * before, r.info(pid).work() - before, "twice the work in the second second");
            assertEquals("2.00\n", cat(r.kernel.files().view(1), "/proc/mosix/nodes/1/speed"));
        }
    }

    /** A node added while processes run takes processes, files and /proc entries like the others. */
    @Test
    void aNodeAddedWhileProcessesRunWorksLikeTheOthers() throws Exception {
        try (LabRun r = new LabRun(lab, runtime, 1)) {
            int pid = r.kernel.spawn(1, "cpu.js", List.of());
            r.kernel.advance(LabRun.S);
            int big = r.kernel.addNode("big", 4.0, 2, 512L << 20, 64L << 20);
            assertEquals(5, big);
            assertEquals(List.of("1/", "2/", "3/", "4/", "5/"), r.kernel.files().view(1).list("/proc/mosix/nodes"));
            assertEquals("4.00\n", cat(r.kernel.files().view(1), "/proc/mosix/nodes/5/speed"));
            assertEquals(List.of("home/", "tmp/"), r.kernel.files().view(1).list("/mfs/5"));
            assertThrows(KernelException.class, () -> r.kernel.addNode("big", 1, 1, 1L << 30, 0), "names are unique");
            long before = r.info(pid).work();
            r.kernel.migrate(pid, "big");
            r.kernel.advance(LabRun.S);
            assertEquals(big, r.info(pid).where());
            r.kernel.advance(LabRun.S);
            long second = r.info(pid).work();
            r.kernel.advance(LabRun.S);
            assertEquals(4 * (before / 1), r.info(pid).work() - second, "a whole second on the new node: four times node 1's work");
        }
    }

    /** mosrun -C and -R: a process killed by its node's crash is recovered at home from its last checkpoint, and goes on from there. */
    @Test
    void aProcessKilledByACrashIsRecoveredFromItsLastCheckpoint() throws Exception {
        try (LabRun r = new LabRun(lab, runtime, 1)) {
            int pid = r.kernel.spawn(1, "counter.js", List.of("200000"), new RunOptions(3, false, RunOptions.Mode.STRICT, "", LabRun.S / 10));
            r.kernel.advance(LabRun.S / 2);
            long workBefore = r.info(pid).work();
            r.kernel.crash(3);
            assertEquals(137, r.finish(pid));
            assertTrue(java.nio.file.Files.isRegularFile(r.kernel.files().state().resolve("checkpoints/" + pid + ".json")));
            int back = r.kernel.recover(pid);
            assertEquals(1, r.info(back).where(), "at its home");
            assertTrue(r.info(back).work() > 0 && r.info(back).work() <= workBefore, "its counters as of the checkpoint");
            assertEquals(0, r.finish(back));
            String[] lines = r.text(back).split("\n");
            assertTrue(lines[0].matches("recovered at [1-9]\\d*000"), r.text(back));
            assertEquals("counted to 200000", lines[1]);
            assertEquals("no checkpoint of process 999 (start it with mosrun -C)", assertThrows(KernelException.class, () -> r.kernel.recover(999)).getMessage());
            assertEquals("process " + back + " is still running", assertThrows(KernelException.class, () -> {
                int again = r.kernel.spawn(1, "cpu.js", List.of(), new RunOptions(RunOptions.HOME, false, RunOptions.Mode.STRICT, "", LabRun.S));
                r.kernel.advance(2 * LabRun.S);
                r.kernel.recover(again);
            }).getMessage().replace(String.valueOf(back + 1), String.valueOf(back)));
        }
    }

    /** fast-decay 0 keeps none of the past: a process that stopped computing shows no CPU use one period later. */
    @Test
    void theDecaysSetHowLongAProcessesPastCounts() throws Exception {
        double[] share = new double[2];
        for (int run = 0; run < 2; run++) {
            try (LabRun r = new LabRun(lab, runtime, 1)) {
                if (run == 1) {
                    r.kernel.files().view(1).write("/proc/mosix/admin/fast-decay", "0".getBytes(), false);
                }
                int pid = r.kernel.spawn(1, "burst.js", List.of("3"));
                r.kernel.advance(5 * LabRun.S);
                String stat = cat(r.kernel.files().view(1), "/proc/" + pid + "/stat");
                share[run] = Double.parseDouble(stat.lines().filter(l -> l.startsWith("cpu_share ")).findFirst().orElseThrow().substring(10));
            }
        }
        assertTrue(share[0] > 0.5, "926/1000 kept: the busy past still shows: " + share[0]);
        assertEquals(0.0, share[1], "none kept: only the last, idle period counts");
    }

    /** Every /proc file a guest can see, read by a guest in each language; every admin file written by the shell. */
    @Test
    void everyProcFileIsReadableAndEveryAdminFileWritable() throws Exception {
        try (LabRun r = new LabRun(lab, runtime, 1)) {
            for (String program : List.of("proctour.py", "proctour.js")) {
                int pid = r.kernel.spawn(1, program, List.of());
                assertEquals(0, r.finish(pid));
                assertEquals("read 32 files\n", r.text(pid), program + ": 8 node files, 15 admin files, 9 process files");
            }
            FileView shell = r.kernel.files().view(1);
            java.util.Map<String, String> values = java.util.Map.of("speed", "1.5", "slow-decay", "950", "fast-decay", "900", "blue-mark", "0.50", "red-mark", "2.00");
            for (String name : shell.list("/proc/mosix/admin")) {
                String path = "/proc/mosix/admin/" + name;
                if (name.equals("mospe") || name.equals("decay-interval")) {
                    assertThrows(FileSystemException.class, () -> shell.write(path, "1".getBytes(), false), name + " is read-only");
                    continue;
                }
                String value = values.getOrDefault(name, "1");
                shell.write(path, value.getBytes(), false);
                String expect = name.equals("expel") || name.equals("bring") ? "0" : name.equals("speed") ? "1.50" : value;
                assertEquals(expect + "\n", cat(shell, path), name);
            }
            assertEquals("up block lstay nomfs quiet stay\n", cat(shell, "/proc/mosix/nodes/1/status"));
        }
    }

    @Test
    void adminWritesKeepTheImagesBounds() throws Exception {
        try (LabRun r = new LabRun(lab, runtime, 1)) {
            FileView shell = r.kernel.files().view(1);
            for (String[] bad : new String[][] {{"speed", "99999999999999999999", "a speed must be a number between 0.001 and 1,000"},
                    {"speed", "0", "a speed must be"}, {"max-processes", "0", "the process limit is a whole number of processes per user between 1 and 1,000,000"},
                    {"max-processes", "x", "the process limit is a whole number of processes per user between 1 and 1,000,000, got 'x'"},
                    {"max-processes", "2000000", "the process limit is a whole number of processes per user between 1 and 1,000,000, got 2000000"}}) {
                FileSystemException e = assertThrows(FileSystemException.class,
                        () -> shell.write("/proc/mosix/admin/" + bad[0], bad[1].getBytes(), false), bad[0] + " " + bad[1]);
                assertTrue(e.getReason().startsWith(bad[2]), e.getReason());
            }
            assertEquals("1.00\n", cat(shell, "/proc/mosix/admin/speed"), "as it was");
        }
    }
}
