package ssi.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ssi.api.Signal;
import ssi.guest.GuestRuntime;
import ssi.kernel.Image;
import ssi.kernel.Kernel;
import ssi.kernel.KernelListener;
import ssi.kernel.Output;
import ssi.kernel.Pace;

/** The shell answers as a user expects: bash's ways with kill, plain words for bad input, no host content, Ctrl-C, a working host command. */
class ShellHabitsTest {
    private static GuestRuntime runtime;
    private static Image paper5;
    private final StringWriter text = new StringWriter();
    private Kernel kernel;
    private Shell shell;

    @BeforeAll
    static void start() throws Exception {
        runtime = new GuestRuntime();
        paper5 = Image.load(Path.of("../images/paper5")).withPolicy("none");
    }

    @AfterAll
    static void stop() {
        runtime.close();
    }

    @BeforeEach
    void boot() throws Exception {
        kernel = Kernel.boot(paper5, 1, runtime);
        shell = new Shell(kernel, new PrintWriter(text));
    }

    @AfterEach
    void close() {
        kernel.close();
    }

    /** Runs a command; returns what it printed, which never holds Java's names. */
    private String run(String command, boolean succeeds) {
        text.getBuffer().setLength(0);
        assertEquals(succeeds, shell.run(Main.words(command)), command + ": " + text);
        assertFalse(text.toString().matches("(?s).*(Exception|\\b(java|com|org|ssi)\\.[a-z]+\\.).*"), command + " speaks Java: " + text);
        return text.toString();
    }

    private int start(String program) {
        return Integer.parseInt(run("mosrun " + program + " &", true).strip());
    }

    @Test
    void killTakesItsSignalAsBashDoes() throws Exception {
        for (String kill : List.of("kill -SIGUSR1", "kill -USR1", "kill -s USR1", "kill -s SIGUSR1", "kill -10", "kill -9", "kill")) {
            int pid = start("cpu.js");
            run(kill + " " + pid, true);
            run("advance 10ms", true);
            int expected = 128 + (kill.endsWith("9") ? Signal.SIGKILL : kill.equals("kill") ? Signal.SIGTERM : Signal.SIGUSR1).number();
            assertEquals(expected, kernel.exitStatus(pid).orElseThrow(), kill);
        }
        String list = run("kill -l", true);
        assertTrue(list.startsWith(" 1) SIGHUP  \t 2) SIGINT  \t 9) SIGKILL \t10) SIGUSR1 \t12) SIGUSR2 \n"), list);
        assertTrue(list.endsWith("19) SIGSTOP \n"), list);
        assertEquals("USR1\n", run("kill -l 10", true));
        assertEquals("kill: no signal 'BOGUS' (kill -l lists them)\n", run("kill -BOGUS 1", false));
        assertEquals("kill: no process 99\nkill: 'x' is not a process id\n", run("kill 99 x", false));
        assertEquals("kill: which process? (kill [-s SIGNAL | -SIGNAL] PID...)\n", run("kill -9", false));
    }

    @Test
    void badInputIsNamedInPlainWords(@TempDir Path dir) throws Exception {
        assertEquals("advance: the duration is negative (-5s): time only goes forward\n", run("advance -5s", false));
        assertEquals("t=3600000.000s\n", run("advance 1000h", true), "an idle cluster passes any span at once");
        assertTrue(run("advance 9223372036854775807ns", false).startsWith("advance: the virtual clock ends at t=4611686018.427387904"), text.toString());
        Path secret = Files.writeString(dir.resolve("passwd"), "root:x:0:0:secret:/root:/bin/sh\n");
        assertEquals("echo @" + secret + "\n", "echo " + run("echo @" + secret, true), "no @file expansion");
        String refused = run("synth --trace " + secret, false);
        assertTrue(refused.startsWith("synth: " + secret + ": not a demand trace"), refused);
        assertFalse(refused.contains("secret") && refused.replace(secret.toString(), "").contains("secret"), "the file is named, not quoted: " + refused);
        // found by the fuzz suite: a decay too long for an int spoke Java, and a count of two billion exhausted the heap
        assertEquals("mosctl: setdecay INTERVAL SLOW FAST (seconds, then whole thousandths kept each period, 0-1000)\n",
                run("mosctl setdecay 1 990 99999999999", false));
        assertEquals("synth: want synth COUNT [options] (1 to 1,000,000 processes) or synth --trace FILE, got 2147483647\n",
                run("synth 2147483647", false));
        assertEquals("image: --out wants a directory for the image, named as the image will be, got /\n",
                run("image generate --nodes 2 --out /", false), "not an internal error");
        assertTrue(run("plot a\u0000b", false).startsWith("Invalid value for positional parameter at index 0 (DIR): 'a\\x00b' cannot name a file"
                + " on this host\n"), text.toString());
        assertEquals("policy: 'a\\x00b' cannot name a file on this host\n", run("policy load a\u0000b", false));
    }

    /**
     * The screen of an interactive session given {@code typed}, where the user presses Ctrl-C when
     * the first program output comes.
     */
    private String typedWithCtrlCAtFirstOutput(String typed, Path dir) throws Exception {
        java.io.ByteArrayOutputStream screen = new java.io.ByteArrayOutputStream();
        try (org.jline.terminal.Terminal terminal = new org.jline.terminal.impl.DumbTerminal("test", "dumb",
                new java.io.ByteArrayInputStream(typed.getBytes(StandardCharsets.UTF_8)), screen, StandardCharsets.UTF_8)) {
            kernel.addListener(new KernelListener() {
                @Override
                public void output(Output o) {
                    terminal.raise(org.jline.terminal.Terminal.Signal.INT);
                }
            });
            assertTimeoutPreemptively(Duration.ofSeconds(60), () -> Main.interactive(kernel, Pace.MAX, terminal, dir.resolve("history"), List.of()));
        }
        return screen.toString(StandardCharsets.UTF_8);
    }

    @Test
    void ctrlCStopsARunningAdvanceAndTheRestOfItsLine(@TempDir Path dir) throws Exception {
        // idle.js writes after a virtual second: the user presses Ctrl-C then
        String shown = typedWithCtrlCAtFirstOutput("mosrun cpu.js &\nmosrun idle.js 1 &\nadvance 1000h; ps\nexit\n", dir);
        assertTrue(shown.contains("idle.js 2: 10 beats"), shown);
        assertTrue(shown.contains("t=1.010s"), "stopped at the end of the quantum of the key press: " + shown);
        assertFalse(shown.contains("COMMAND"), "ps, after it on the line, did not run: " + shown);
    }

    @Test
    void ctrlCInterruptsAForegroundProgramWithSigint(@TempDir Path dir) throws Exception {
        String shown = typedWithCtrlCAtFirstOutput("mosrun io.js; ps\nexit\n", dir); // endless: it writes lines; Ctrl-C at its first
        assertTrue(shown.contains("[1] interrupted: sent SIGINT"), shown);
        assertFalse(shown.contains("COMMAND"), "ps, after it on the line, did not run: " + shown);
        kernel.advance(20 * 1_000_000L);
        assertEquals(128 + Signal.SIGINT.number(), kernel.exitStatus(1).orElseThrow(), "SIGINT's default action ended it");
    }

    @Test
    void ctrlCEndsAWholeWait(@TempDir Path dir) throws Exception { // found by the fuzz suite: wait went on to the next job, forever
        // idle.js writes after a virtual second: the user presses Ctrl-C then
        String shown = typedWithCtrlCAtFirstOutput("mosrun cpu.js &\nmosrun cpu.js &\nmosrun idle.js 1 &\nwait; ps\nexit\n", dir);
        assertTrue(shown.contains("[1] interrupted: sent SIGINT"), shown);
        assertFalse(shown.contains("[2] interrupted") || shown.contains("COMMAND"), "neither the next job nor ps: " + shown);
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
