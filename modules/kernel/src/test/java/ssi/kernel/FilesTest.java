package ssi.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The one namespace as guests see it: confined, node directories, read-only /bin, files kept on the host. */
class FilesTest extends LabTest {
    @Test
    void pythonGuestsSeeTheNamespaceAndNothingElse() throws Exception {
        try (LabRun r = new LabRun(lab, runtime, 1)) {
            int pid = r.kernel.spawn(1, "files.py", List.of("tour"));
            assertEquals(0, r.finish(pid));
            assertEquals("""
                    root ['bin', 'home', 'lib', 'mfs', 'proc', 'tmp']
                    mfs ['1', '2', '3', '4']
                    /etc/passwd refused: FileNotFoundError
                    /../../../etc/passwd refused: PermissionError
                    /bin/new.py refused: PermissionError
                    /mfs/9/x refused: FileNotFoundError
                    /tmp/bad\u0001name refused: OSError
                    hello vfs
                    ['one', 'two'] 8
                    """, r.text(pid));
            assertTrue(Files.isRegularFile(r.kernel.files().state().resolve("mfs/1/home/lib/greet.py")), "kept on the host");
        }
    }

    @Test
    void aFileWrittenOnOneNodeIsReadFromAnother() throws Exception {
        try (LabRun r = new LabRun(lab, runtime, 1)) {
            int writer = r.kernel.spawn(1, "files.py", List.of("write", "/mfs/3/data", "from node 1"));
            assertEquals(0, r.finish(writer));
            int reader = r.kernel.spawn(2, "files.py", List.of("read", "/mfs/3/data"));
            assertEquals(0, r.finish(reader));
            assertEquals("read from node 1\n", r.text(reader));
            assertEquals("from node 1", Files.readString(r.kernel.files().state().resolve("mfs/3/data")));
            try (var listing = Files.list(r.kernel.files().state().resolve("mfs/3"))) {
                assertEquals(List.of("data", "home", "tmp"), listing.map(p -> p.getFileName().toString()).sorted().toList(),
                        "no temporary file left");
            }
        }
    }

    @Test
    void javaScriptGuestsUseTheFileCallsOfSsi() throws Exception {
        try (LabRun r = new LabRun(lab, runtime, 1)) {
            int pid = r.kernel.spawn(1, "files.js", List.of());
            assertEquals(0, r.finish(pid));
            assertEquals("""
                    hé|llo world
                    size 12 dir false ["home","js.txt","tmp"]
                    ["d","lib"] true
                    open: /nope: no such file or directory
                    open: /bin/x.js: read-only
                    read: no open descriptor 99
                    open: mode must be r, w or a, got 'rw'
                    unlink: /mfs/2/none: no such file or directory
                    ["home","tmp"]
                    """.replace("[\"d\",\"lib\"]", "[\"d\"]"), r.text(pid));
        }
    }

    /**
     * The lab's network: 100 us latency, 16 bytes per us; a node serves an MFS request with 2000 work
     * units (500 us at speed 1); its disk takes 10 us per operation and 16 bytes per us. A 1600-byte
     * write takes the disk 110 us wherever it is done. From home to node 3's disk it adds the request
     * (64 + 1600 bytes: 204 us), service (500 us) and the reply (64 bytes: 104 us) = 808 us; a read
     * likewise. Away on node 2 the call goes through the deputy at home: to home (204 us), the
     * deputy's work (500 us), MFS to node 3 (808 us), back (104 us) = 1616 us. On node 3 the file is
     * local (DFSA): the disk's time only. (GraalPy asks for the file's size before it reads: one more
     * call of no bytes: 10 us on the disk, plus 708 us at home and 1416 us away.)
     */
    @ParameterizedTest
    @ValueSource(strings = {"fileio.py", "fileio.js"})
    void fileIoCostsTheNetworkUntilTheProcessRunsWhereTheFileIs(String program) throws Exception {
        try (LabRun r = new LabRun(lab, runtime, 1)) {
            int pid = r.kernel.spawn(1, program, List.of("/mfs/3/data", "1600", "2", "3"));
            assertEquals(0, r.finish(pid));
            String[] lines = r.text(pid).strip().split("\\n");
            assertEquals(3, lines.length, r.text(pid));
            long[][] t = new long[4][];
            for (String line : lines) {
                String[] f = line.split(" ");
                t[Integer.parseInt(f[0])] = new long[] {Long.parseLong(f[1]), Long.parseLong(f[2])};
            }
            for (int op = 0; op < 2; op++) {
                boolean sizeFirst = op == 1 && program.endsWith(".py");
                long disk = 110_000 + (sizeFirst ? 10_000 : 0);
                long work = t[3][op] - disk; // the guest's own work around the call, at speed 1
                assertTrue(work >= 0 && work < 50_000, "on node 3 the file is local: " + r.text(pid));
                assertEquals(disk + 808_000 + (sizeFirst ? 708_000 : 0), t[1][op] - work, "at home, through MFS: " + r.text(pid));
                assertEquals(disk + 1_616_000 + (sizeFirst ? 1_416_000 : 0), t[2][op] - work / 2,
                        "away on the fast node, through the deputy: " + r.text(pid));
            }
            assertEquals(1600, r.kernel.files().view(1).read("/mfs/3/data").length);
        }
    }

    @Test
    void aWriteIsSeenByEveryLaterReadWhereverItRuns() throws Exception {
        try (LabRun r = new LabRun(lab, runtime, 1)) {
            int writer = r.kernel.spawn(1, "share.js", List.of("writer", "/mfs/3/log"));
            int reader = r.kernel.spawn(2, "share.js", List.of("reader", "/mfs/3/log"));
            assertEquals(0, r.finish(writer));
            assertEquals(0, r.finish(reader));
            assertEquals("a\nab\nabc\n", r.text(reader), "the writer never closed in between: the reads see its writes through the one cache");
        }
    }

    @Test
    void aFullDiskAndNomfsAreErrorsThatNameThePath() throws Exception {
        try (LabRun r = new LabRun(lab, runtime, 1)) {
            int filler = r.kernel.spawn(4, "disk.py", List.of("/tmp", "4000"));
            assertEquals(0, r.finish(filler));
            assertEquals("""
                    wrote 2 files; then OSError: [Errno 5] no space left on node 4's disk (10485 bytes, 8000 used, 4000 more wanted for /tmp/f2)
                    ['f0', 'f1', 'f2'] [4000, 4000]
                    """, r.text(filler), "the refused file is there, empty, and the others are whole");
            int remote = r.kernel.spawn(1, "files.py", List.of("read", "/mfs/4/tmp/f0"));
            assertEquals(1, r.finish(remote));
            int fromTiny = r.kernel.spawn(4, "files.py", List.of("read", "/mfs/1/anything"));
            assertEquals(1, r.finish(fromTiny));
            assertEquals("""
                    Traceback (most recent call last):
                      File "/bin/files.py", line 9, in <module>
                        with open(ssi.args[1]) as f:
                    PermissionError: [Errno 13] Permission denied: '/mfs/4/tmp/f0'
                    |Traceback (most recent call last):
                      File "/bin/files.py", line 9, in <module>
                        with open(ssi.args[1]) as f:
                    PermissionError: [Errno 13] Permission denied: '/mfs/1/anything'
                    """, r.text(remote) + "|" + r.text(fromTiny), "node 4 has nomfs: no MFS to or from it");
        }
    }

    @Test
    void aNodeCrashLosesOnlyWhatWasNotClosedAndTheProcessesItHeld() throws Exception {
        try (LabRun r = new LabRun(lab, runtime, 1)) {
            int writer = r.kernel.spawn(1, "crashfile.js", List.of());
            int there = r.kernel.spawn(1, "cpu.js", List.of(), new RunOptions(3, false, RunOptions.Mode.STRICT));
            int homed = r.kernel.spawn(3, "cpu.js", List.of(), new RunOptions(2, false, RunOptions.Mode.STRICT));
            r.kernel.advance(LabRun.S / 2);
            r.kernel.crash(3);
            assertEquals(137, r.finish(there), "it ran on the node that crashed");
            assertEquals(137, r.finish(homed), "its home crashed: its deputy is gone");
            assertEquals(0, r.finish(writer));
            assertEquals("""
                    write: /mfs/3/log: node 3 is down
                    open: /mfs/3/log: node 3 is down
                    """, r.text(writer));
            assertEquals("committed", Files.readString(r.kernel.files().state().resolve("mfs/3/log")), "whole, as last closed");
            assertEquals("/mfs/3/log: node 3 is down", org.junit.jupiter.api.Assertions.assertThrows(java.nio.file.FileSystemException.class,
                    () -> r.kernel.files().view(1).read("/mfs/3/log")).getMessage(), "the shell cannot reach it either");
            r.kernel.restart(3);
            assertEquals("committed", new String(r.kernel.files().view(1).read("/mfs/3/log")), "back, as last closed");
            r.kernel.crash(3);
            assertEquals("node 3 is down", org.junit.jupiter.api.Assertions.assertThrows(KernelException.class,
                    () -> r.kernel.spawn(1, "cpu.js", List.of(), new RunOptions(3, false, RunOptions.Mode.STRICT))).getMessage());
        }
    }
}
