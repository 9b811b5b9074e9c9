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
                    root ['bin', 'home', 'mfs', 'tmp']
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
     * units (500 us at speed 1). A 1600-byte write from home to node 3's disk: the request (64 + 1600
     * bytes: 204 us), service (500 us), the reply (64 bytes: 104 us) = 808 us; a read likewise. Away
     * on node 2 the call goes through the deputy at home: to home (204 us), the deputy's work (500 us),
     * MFS to node 3 (808 us), back (104 us) = 1616 us. On node 3 the file is local (DFSA): no cost.
     * (GraalPy asks for the file's size before it reads: one more call of no bytes, 708 us at home
     * and 1416 us away.)
     */
    @ParameterizedTest
    @ValueSource(strings = {"fileio.py", "fileio.js"})
    void fileIoCostsTheNetworkUntilTheProcessRunsWhereTheFileIs(String program) throws Exception {
        try (LabRun r = new LabRun(lab, runtime, 1)) {
            int pid = r.kernel.spawn(1, program, List.of("/mfs/3/data", "1600", "2", "3"));
            assertEquals(0, r.finish(pid));
            String[] lines = r.text(pid).strip().split("\n");
            assertEquals(3, lines.length, r.text(pid));
            long[][] t = new long[4][];
            for (String line : lines) {
                String[] f = line.split(" ");
                t[Integer.parseInt(f[0])] = new long[] {Long.parseLong(f[1]), Long.parseLong(f[2])};
            }
            for (int op = 0; op < 2; op++) {
                long local = t[3][op]; // the guest's own work around the call, at speed 1
                boolean sizeFirst = op == 1 && program.endsWith(".py");
                assertEquals(808_000 + (sizeFirst ? 708_000 : 0), t[1][op] - local, "at home, through MFS: " + r.text(pid));
                assertEquals(1_616_000 + (sizeFirst ? 1_416_000 : 0), t[2][op] - local / 2,
                        "away on the fast node, through the deputy: " + r.text(pid));
                assertTrue(local < 50_000, "on node 3 the file is local: " + r.text(pid));
            }
            assertEquals("1600", new String(r.kernel.files().view(1).read("/mfs/3/data")).length() + "");
        }
    }
}
