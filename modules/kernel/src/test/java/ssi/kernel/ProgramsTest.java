package ssi.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Programs written for Node and CPython run unchanged: multi-file, with arguments, Node's module
 * system and CPython's imports, exit statuses; each from its home node's /home, so that what it
 * loads after a migration is read through its deputy.
 */
class ProgramsTest extends LabTest {

    /** Copies a program's folder of the test resources into /home/NAME of node 1's disk. */
    private static void install(Kernel kernel, String name) throws Exception {
        Path from = Path.of(ProgramsTest.class.getResource("/programs/" + name).toURI());
        try (var files = Files.walk(from)) {
            for (Path f : files.sorted().toList()) {
                String to = "/home/" + name + (f.equals(from) ? "" : "/" + from.relativize(f).toString().replace('\\', '/'));
                if (Files.isDirectory(f)) {
                    kernel.files().view(1).mkdir(to);
                } else {
                    kernel.files().view(1).write(to, Files.readAllBytes(f), false);
                }
            }
        }
    }

    private static String stderr(LabRun r, int pid) {
        StringBuilder b = new StringBuilder();
        r.out.stream().filter(o -> o.pid() == pid && o.stderr()).forEach(o -> b.append(o.text()));
        return b.toString();
    }

    @Test
    void aNodeProgramRunsAsWrittenAndGoesOnLoadingModulesAfterAMigration() throws Exception {
        try (LabRun r = new LabRun(lab, runtime, 1)) {
            install(r.kernel, "nodeapp");
            int pid = r.kernel.spawn(1, "/home/nodeapp/main.js", List.of("world", "4"));
            r.kernel.advance(20 * MS);
            assertEquals(0, r.info(pid).forwarded(), "at home: nothing goes through the deputy");
            r.kernel.migrate(pid, "fast");
            assertEquals(4, r.finish(pid), "process.exitCode is the exit status");
            assertEquals("""
                    hello world from nodeapp nodeapp 3
                    area 27 cycle a-early { sizes: [ 1, 2, 3 ], nested: { deep: { deeper: {} } } }
                    argv [ 'world', '4' ] main.js /home/nodeapp true
                    late 42 on 2 acc 78778
                    exit 4
                    """, r.text(pid));
            assertEquals(2, r.ended.get(pid).where(), "it ended away from home");
            assertTrue(r.ended.get(pid).forwarded() > 2, "late.js was read from its home's disk through the deputy, besides two lines of output: "
                    + r.ended.get(pid).forwarded());
        }
    }

    @Test
    void esModulesImportFilesPackagesAndBuiltins() throws Exception {
        try (LabRun r = new LabRun(lab, runtime, 1)) {
            install(r.kernel, "nodeapp");
            int pid = r.kernel.spawn(1, "/home/nodeapp/esm/main.mjs", List.of("x", "y"));
            assertEquals(0, r.finish(pid), stderr(r, pid));
            assertEquals("esm 49 8 /a/b x,y\n", r.text(pid));
        }
    }

    @Test
    void aPythonProgramRunsAsWrittenAndGoesOnImportingAfterAMigration() throws Exception {
        try (LabRun r = new LabRun(lab, runtime, 1)) {
            install(r.kernel, "pyapp");
            List<Integer> pids = r.kernel.pipeline(1, List.of(List.of("hello.js"), List.of("/home/pyapp/main.py", "world", "exit")),
                    List.of(RunOptions.DEFAULT, RunOptions.DEFAULT));
            int pid = pids.get(1);
            r.kernel.advance(20 * MS);
            r.kernel.migrate(pid, "fast");
            assertEquals(3, r.finish(pid), "sys.exit(3)");
            assertEquals("""
                    hello world from pyapp __main__ /home/pyapp/main.py
                    area 27 4 1.2
                    late 42 on 2 acc 796956
                    read hello from JavaScript: pid 1, t=0.000 s
                    """, r.text(pid));
            assertTrue(r.ended.get(pid).forwarded() > 3, "late.py was read through the deputy: " + r.ended.get(pid).forwarded());
        }
    }

    @Test
    void anUncaughtPythonExceptionPrintsItsTracebackAndExitsWithOne() throws Exception {
        try (LabRun r = new LabRun(lab, runtime, 1)) {
            install(r.kernel, "pyapp");
            List<Integer> pids = r.kernel.pipeline(1, List.of(List.of("hello.js"), List.of("/home/pyapp/main.py", "world", "raise")),
                    List.of(RunOptions.DEFAULT, RunOptions.DEFAULT));
            int pid = pids.get(1);
            assertEquals(1, r.finish(pid));
            assertEquals("""
                    Traceback (most recent call last):
                      File "/home/pyapp/main.py", line 18, in <module>
                        late.fail()
                      File "/home/pyapp/late.py", line 5, in fail
                        raise ValueError('late failure')
                    ValueError: late failure
                    """, stderr(r, pid));
        }
    }

    @Test
    void badProgramsFailWithTheFileAndLineAndDisturbNothingElse() throws Exception {
        try (LabRun r = new LabRun(lab, runtime, 1)) {
            install(r.kernel, "nodeapp");
            int cpu = r.kernel.spawn(1, "cpu.js", List.of());
            int missing = r.kernel.spawn(1, "/home/nodeapp/bad/missing.js", List.of());
            int syntax = r.kernel.spawn(1, "/home/nodeapp/bad/syntax.js", List.of());
            int builtin = r.kernel.spawn(1, "/home/nodeapp/bad/builtin.js", List.of());
            for (int pid : List.of(missing, syntax, builtin)) {
                assertEquals(1, r.finish(pid), stderr(r, pid));
            }
            assertEquals("before\n", r.text(missing).replace(stderr(r, missing), ""));
            assertTrue(stderr(r, missing).startsWith("/home/nodeapp/bad/missing.js:3\nrequire('./nowhere');\n"), stderr(r, missing));
            assertTrue(stderr(r, missing).contains("Cannot load module: './nowhere'"), stderr(r, missing));
            assertTrue(stderr(r, syntax).startsWith("/home/nodeapp/bad/syntax.js:2\nrequire('./broken');\n"), stderr(r, syntax));
            assertTrue(stderr(r, syntax).contains("SyntaxError: /home/nodeapp/bad/broken.js:2:8 Expected an operand but found ;"), stderr(r, syntax));
            assertTrue(stderr(r, builtin).startsWith("/home/nodeapp/bad/builtin.js:2\n"), stderr(r, builtin));
            assertTrue(stderr(r, builtin).contains("ssi has no Node built-in module 'child_process'; start processes with ssi.spawn"),
                    stderr(r, builtin));
            r.kernel.advance(20 * MS);
            assertTrue(r.kernel.process(cpu).isPresent(), "the others go on");
        }
    }

    @Test
    void programsStartInTheirWorkingDirectoryAndFindRelativePathsThere() throws Exception {
        try (LabRun r = new LabRun(lab, runtime, 1)) {
            install(r.kernel, "nodeapp");
            r.kernel.files().view(1).write("/home/where.py", """
                    import os
                    print(os.getcwd(), os.environ['PWD'], open('nodeapp/late.js').read().strip())
                    """.getBytes(), false);
            int pid = r.kernel.spawn(1, "./where.py", List.of(), RunOptions.DEFAULT.in("/home"));
            assertEquals(0, r.finish(pid), stderr(r, pid));
            assertEquals("/home /home module.exports = { value: 42 };\n", r.text(pid));
        }
    }

    @Test
    void everyPythonCallTakesItsArgumentsByTheKeywordsTheReadmeNames() throws Exception {
        try (LabRun r = new LabRun(lab, runtime, 1)) {
            install(r.kernel, "pykw");
            int pid = r.kernel.spawn(1, "/home/pykw/main.py", List.of(), new RunOptions(1, false, RunOptions.Mode.CONFINE_ON_USE)); // mosrun -e: it may attach shared memory
            assertEquals(3, r.finish(pid), stderr(r, pid));
            assertEquals("""
                    where 1 moved to 2
                    memory ok
                    shared abc
                    pipe xyz
                    child says args one two and sent hello from its pid True
                    child exited 0
                    sleeper ['cpu', 'forwarded', 'nmigs', 'status', 'work'] 9
                    restored None time 0.12
                    """, r.text(pid));
        }
    }
}
