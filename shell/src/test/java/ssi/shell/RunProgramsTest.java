package ssi.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ssi.kernel.Image;
import ssi.kernel.Kernel;

/** Running programs from the shell as a Unix shell does: in the foreground to their end, or in the background with &. */
class RunProgramsTest {
    @TempDir
    Path state;

    /** {@code ./ssi -c COMMANDS} on paper5: its exit status and what it printed. */
    private record Ran(int status, String output) {}

    private Ran ssi(String commands) {
        PrintStream was = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            int status = new picocli.CommandLine(new Main()).execute("--image", "../images/paper5", "--state", state.resolve("s").toString(),
                    "--fresh", "-c", commands);
            return new Ran(status, printed.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(was);
        }
    }

    @Test
    void aScriptsExitStatusIsItsLastForegroundProgramsOne() {
        Ran hello = ssi("mosrun hello.js");
        assertEquals(0, hello.status(), hello.output());
        assertEquals("hello from JavaScript: pid 1, t=0.000 s\n[1] exited with status 0 at t=0.000s (/bin/hello.js)\n", hello.output(),
                "the foreground program's output, then its status, and nothing else");
        Ran failed = ssi("mosrun /opt/are-we-fast-yet/Python/harness.py");
        assertEquals(1, failed.status(), "the harness without a benchmark prints its usage and exits with 1: " + failed.output());
        assertTrue(failed.output().startsWith("./harness.py [benchmark] [num-iterations [inner-iter]]\n"), failed.output());
    }

    @Test
    void backgroundProgramsRunWhileTheShellGoesOnAndWaitWaitsForThem() throws Exception {
        StringWriter text = new StringWriter();
        try (Kernel kernel = Kernel.boot(Image.load(Path.of("../images/paper5")).withPolicy("none"), 1)) {
            Shell shell = new Shell(kernel, new PrintWriter(text));
            assertTrue(shell.run(Main.words("mosrun -r 2 cpu.js &")));
            assertTrue(shell.run(Main.words("mosrun sleepy.py&")), "a & glued to the last word works too");
            assertEquals("1\n2\n", text.toString(), "the pids of what went to the background");
            assertEquals(0, kernel.now(), "nothing ran yet: the shell went on");
            assertTrue(shell.run(Main.words("wait 2")));
            assertEquals(java.util.Optional.of(0), shell.jobStatus());
            assertTrue(kernel.process(1).isPresent(), "the endless one still runs");
            assertTrue(shell.run(Main.words("mosrun hello.py")));
            assertTrue(kernel.exitStatus(3).isPresent(), "a foreground program has ended when the command returns");
            for (String bad : List.of("ps &", "wait 99", "wait x")) {
                assertFalse(shell.run(Main.words(bad)), bad);
            }
        }
    }

    /** A well-known third-party suite, copied unchanged into the image, runs its harness as written in both languages. */
    @Test
    void areWeFastYetRunsAsWrittenInBothLanguages() {
        List<String> benchmarks = List.of("Bounce", "CD", "DeltaBlue", "Json", "List", "Mandelbrot", "NBody", "Permute", "Queens", "Richards",
                "Sieve", "Storage", "Towers"); // Havlak too, by hand: 10 virtual seconds at its smallest
        StringBuilder commands = new StringBuilder();
        List<String> started = new ArrayList<>();
        for (String lang : List.of("JavaScript/harness.js", "Python/harness.py")) {
            for (String b : benchmarks) {
                String command = "/opt/are-we-fast-yet/" + lang + " " + b + " 1 " + (b.equals("CD") ? 10 : 1);
                commands.append("mosrun ").append(command).append(" &; ");
                started.add(command);
            }
        }
        Ran ran = ssi(commands + "wait");
        assertEquals(0, ran.status(), ran.output());
        for (String command : started) {
            assertTrue(ran.output().contains("exited with status 0 at t=") && ran.output().contains("(" + command + ")\n"), command + ": " + ran.output());
        }
        assertEquals(2 * benchmarks.size(), ran.output().lines().filter(l -> l.startsWith("Total Runtime: ")).count(), ran.output());
        assertFalse(ran.output().contains("exited with status 1"), ran.output());
    }
}
