package ssi.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ssi.kernel.Image;
import ssi.kernel.Kernel;

/** The shell answers as a user expects: bash's ways with kill, plain words for bad input, no host content, a working host command. */
class ShellHabitsTest {
    private static Kernel kernel;
    private final StringWriter text = new StringWriter();
    private Shell shell;

    @BeforeAll
    static void boot() throws Exception {
        kernel = Kernel.boot(Image.load(Path.of("../images/paper5")).withPolicy("none"), 1);
    }

    @AfterAll
    static void close() {
        kernel.close();
    }

    @BeforeEach
    void newShell() {
        shell = new Shell(kernel, new PrintWriter(text));
    }

    /** Runs a command; returns what it printed. */
    private String run(String command, boolean succeeds) {
        text.getBuffer().setLength(0);
        assertEquals(succeeds, shell.run(Main.words(command)), command + ": " + text);
        return text.toString();
    }

    /** {@code host} through the shell as {@code ./ssi} starts it: a JVM of its own, the shell its root module (tests resolve every module). */
    @Test
    void hostShowsTheRealMachine(@TempDir Path state) throws Exception {
        Path cpuinfo = Path.of("/proc/cpuinfo");
        long cpus = Files.isReadable(cpuinfo) ? Files.readAllLines(cpuinfo).stream().filter(l -> l.startsWith("processor")).count()
                : Runtime.getRuntime().availableProcessors();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        ManagementFactory.getRuntimeMXBean().getInputArguments().stream() // this JVM's JIT options, as ./ssi gives them
                .filter(a -> a.startsWith("-XX:") || a.startsWith("--upgrade-module-path") || a.startsWith("--enable-native-access")).forEach(command::add);
        String modulePath = Stream.concat(Stream.of(System.getProperty("jdk.module.path")), // and what the tests put on the class path (JNA)
                Stream.of(System.getProperty("java.class.path").split(File.pathSeparator)).filter(e -> e.endsWith(".jar")))
                .collect(Collectors.joining(File.pathSeparator));
        command.addAll(List.of("-Dssi.images=../images", "-p", modulePath, "-m", "ssi.shell/ssi.shell.Main",
                "--state", state.resolve("s").toString(), "-c", "host; nodes"));
        Process ssi = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(ssi.getInputStream().readAllBytes());
        assertEquals(0, ssi.waitFor(), out);
        assertTrue(out.contains("threads: " + cpus + " logical"), out);
        assertTrue(out.contains("node5"), "the next command ran: " + out);
    }
}
