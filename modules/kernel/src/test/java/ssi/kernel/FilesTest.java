package ssi.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

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
                    /../../../etc/passwd refused: FileNotFoundError
                    /bin/new.py refused: PermissionError
                    /mfs/9/x refused: FileNotFoundError
                    /tmp/bad\u0001name refused: OSError
                    hello vfs
                    ['one', 'two'] 8
                    """, r.text(pid));
            assertTrue(Files.isRegularFile(r.kernel.files().state().resolve("home/lib/greet.py")), "kept on the host");
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
                assertEquals(List.of("data"), listing.map(p -> p.getFileName().toString()).toList(), "no temporary file left");
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
                    size 12 dir false ["js.txt"]
                    ["d","lib"] true
                    open: /nope: no such file or directory
                    open: /bin/x.js: read-only
                    read: no open descriptor 99
                    open: mode must be r, w or a, got 'rw'
                    unlink: /mfs/2/none: no such file or directory
                    []
                    """.replace("[\"d\",\"lib\"]", "[\"d\"]"), r.text(pid));
        }
    }
}
