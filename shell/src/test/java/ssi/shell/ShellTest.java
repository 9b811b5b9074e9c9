package ssi.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import ssi.api.ProcessState;
import ssi.kernel.Durations;
import ssi.kernel.Image;
import ssi.kernel.Kernel;

class ShellTest {
    @Test
    void splitsCommandLinesLikeAShell() {
        assertEquals(List.of("mosrun a.js 'x; y'", "ps"), Main.split("mosrun a.js 'x; y'; ps # comment"));
        assertEquals(List.of(), Main.split("# only a comment"));
        assertEquals(List.of("mosrun", "a.js", "two words"), Main.words("mosrun a.js \"two words\""));
    }

    @Test
    void durations() {
        assertEquals(500_000_000L, Durations.parse("500ms"));
        assertEquals(1_500_000_000L, Durations.parse("1.5s"));
        assertEquals(120_000_000_000L, Durations.parse("2m"));
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> Durations.parse("10x"));
        assertTrue(e.getMessage().contains("bad duration '10x'"));
    }

    @Test
    void commandsDriveTheKernelAndBadInputIsReportedNotFatal() throws Exception {
        Image paper5 = Image.load(Path.of("../images/paper5"));
        StringWriter text = new StringWriter();
        try (Kernel kernel = Kernel.boot(paper5, 1)) {
            Shell shell = new Shell(kernel, new PrintWriter(text));
            assertTrue(shell.run(Main.words("mosrun -r 2 cpu.js &")));
            assertTrue(shell.run(Main.words("mosrun -r 2 cpu.py &")));
            assertTrue(shell.run(Main.words("advance 1s")));
            text.getBuffer().setLength(0);
            assertTrue(shell.run(Main.words("ps --json")));
            JsonNode ps = new ObjectMapper().readTree(text.toString());
            assertEquals(2, ps.size());
            for (JsonNode p : ps) {
                assertEquals(2, p.get("where").asInt());
                assertEquals(0.5, p.get("cpuSeconds").asDouble(), 1e-9, "two processes share node 2");
            }
            text.getBuffer().setLength(0);
            assertTrue(shell.run(Main.words("nodes --json")));
            assertEquals(5, new ObjectMapper().readTree(text.toString()).size());
            for (String bad : List.of("frobnicate", "advance 10x", "mosrun nope.js", "kill 999", "kill -s BOGUS 1", "mosrun -r 9 cpu.js")) {
                text.getBuffer().setLength(0);
                assertFalse(shell.run(Main.words(bad)), bad);
                assertFalse(text.toString().isBlank(), bad + " says why");
            }
            assertTrue(shell.run(Main.words("kill -9 1")));
            assertEquals(1, kernel.ps().size());
        }
    }

    @Test
    void mosrunOptionsAndMigrateMoveProcessesAndPsShowsTheirDeputies() throws Exception {
        Image paper5 = Image.load(Path.of("../images/paper5"));
        StringWriter text = new StringWriter();
        try (Kernel kernel = Kernel.boot(paper5, 1)) {
            Shell shell = new Shell(kernel, new PrintWriter(text));
            assertTrue(shell.run(Main.words("mosrun -3 cpu.js &")));      // pid 1: home 1, runs on node 3
            assertTrue(shell.run(Main.words("mosrun -h cpu.py &")));      // pid 2: at home, locked
            assertTrue(shell.run(Main.words("mosrun -b -L cpu.js &")));   // pid 3: the best node, locked
            assertTrue(shell.run(Main.words("mosrun -E cpu.js &")));      // pid 4: native
            assertEquals(List.of(3, 1, 2, 1), kernel.ps().stream().map(p -> p.where()).toList());
            assertEquals(List.of(1, 1, 1, 1), kernel.ps().stream().map(p -> p.home()).toList());
            assertEquals(List.of("", "user_lock", "user_lock", "native"), kernel.ps().stream().map(p -> p.cantmove()).toList());

            text.getBuffer().setLength(0);
            assertTrue(shell.run(Main.words("ps")));
            String ps = text.toString();
            assertTrue(ps.lines().anyMatch(l -> l.matches("\\s+1\\s+0\\s+3\\s+1 R .*/bin/cpu.js")), ps);
            assertTrue(ps.lines().anyMatch(l -> l.matches("\\s+1\\s+-\\s+1\\s+1 - .*\\[deputy, 0 calls\\] /bin/cpu.js")), ps);

            assertTrue(shell.run(Main.words("migrate 1 node5")));
            assertTrue(shell.run(Main.words("advance 200ms")));
            assertEquals(5, kernel.process(1).orElseThrow().where());
            text.getBuffer().setLength(0);
            assertTrue(shell.run(Main.words("migrations --json")));
            JsonNode m = new ObjectMapper().readTree(text.toString()).get(0);
            assertEquals(3, m.get("from").asInt());
            assertEquals(5, m.get("to").asInt());
            assertEquals("done", m.get("outcome").asText());
            text.getBuffer().setLength(0);
            assertTrue(shell.run(Main.words("migrations 1")));
            assertTrue(text.toString().contains(" manual "), text.toString());

            for (String refused : List.of("migrate 2 node2", "migrate 4 2", "migrate 1 mars", "migrate 9 home", "mosrun -h -b cpu.js", "mosrun -e -E cpu.js")) {
                text.getBuffer().setLength(0);
                assertFalse(shell.run(Main.words(refused)), refused);
                assertFalse(text.toString().isBlank(), refused + " says why");
            }
            text.getBuffer().setLength(0);
            shell.run(Main.words("migrate 2 node2"));
            assertEquals("migrate: process 2 cannot move: user_lock\n", text.toString());
            text.getBuffer().setLength(0);
            assertTrue(shell.run(Main.words("help mosrun")));
            for (String option : List.of("-h", "-r", "-b", "-L", "-l", "-e", "-E")) {
                assertTrue(text.toString().contains(option), option);
            }
        }
    }

    @Test
    void policiesAreListedSwitchedLoadedAtRunTimeAndUnloaded() throws Exception {
        Image paper5 = Image.load(Path.of("../images/paper5"));
        StringWriter text = new StringWriter();
        try (Kernel kernel = Kernel.boot(paper5, 1)) {
            Shell shell = new Shell(kernel, new PrintWriter(text));
            assertTrue(shell.run(Main.words("policy list")));
            assertEquals(List.of("* mosix", "  opportunity-cost", "  round-robin", "  none"), text.toString().lines().toList());
            text.getBuffer().setLength(0);
            assertTrue(shell.run(Main.words("policy use mosix margin=1.5")));
            assertEquals("mosix {margin=1.5}\n", text.toString());
            for (String bad : List.of("policy use mosix margin=banana", "policy use nope", "policy frob", "policy load /nonexistent",
                    "policy unload mosix", "mosrun -c -i cpu.js")) {
                text.getBuffer().setLength(0);
                assertFalse(shell.run(Main.words(bad)), bad);
                assertFalse(text.toString().isBlank(), bad + " says why");
            }
            assertEquals("mosix {margin=1.5}", kernel.policy(), "a refused switch keeps the policy in use");

            text.getBuffer().setLength(0);
            assertTrue(shell.run(Main.words("policy load ../plugins/example/target/classes")));
            assertEquals("loaded least-loaded\n", text.toString());
            assertTrue(shell.run(Main.words("policy use least-loaded")));
            assertTrue(shell.run(Main.words("advance 3s")));          // windows fill
            assertTrue(shell.run(Main.words("mosrun cpu.js &")));
            assertEquals(ProcessState.FROZEN, kernel.ps().getFirst().state(), "placed at once: migrating");
            assertTrue(shell.run(Main.words("advance 200ms")));
            int to = kernel.ps().getFirst().where();
            assertEquals(2.4, paper5.node(to).orElseThrow().speed(), "least-loaded placed it on one of the fastest idle nodes");
            assertFalse(shell.run(Main.words("policy unload least-loaded")), "not while in use");
            assertTrue(shell.run(Main.words("policy use none")));
            assertTrue(shell.run(Main.words("policy unload least-loaded")));
            assertFalse(kernel.policies().names().contains("least-loaded"));
        }
    }

    @Test
    void lsAndCatShowTheClustersFilesAndSayWhatIsWrong() throws Exception {
        Image paper5 = Image.load(Path.of("../images/paper5"));
        StringWriter text = new StringWriter();
        try (Kernel kernel = Kernel.boot(paper5, 1, java.nio.file.Files.createTempDirectory("ssi-shell-test"))) {
            Shell shell = new Shell(kernel, new PrintWriter(text));
            assertTrue(shell.run(Main.words("ls")));
            assertEquals(List.of("bench/", "bin/", "home/", "lib/", "mfs/", "opt/", "proc/", "tmp/"), text.toString().lines().toList(), "the image's tree and the mounts");
            text.getBuffer().setLength(0);
            assertTrue(shell.run(Main.words("ls /mfs")));
            assertEquals(List.of("1/", "2/", "3/", "4/", "5/"), text.toString().lines().toList());
            text.getBuffer().setLength(0);
            assertTrue(shell.run(Main.words("cat /bin/hello.js")));
            assertTrue(text.toString().contains("console.log"), text.toString());
            java.nio.file.Files.writeString(kernel.files().state().resolve("mfs/3/data"), "42");
            text.getBuffer().setLength(0);
            assertTrue(shell.run(Main.words("cat /mfs/3/../3/data")));
            assertEquals("42\n", text.toString());
            text.getBuffer().setLength(0);
            for (String command : List.of("cd /mfs/2", "mkdir notes", "cd notes", "echo hello  cluster > a", "echo again >> a",
                    "cp a b", "mv b ../c", "rm a", "pwd", "cat ../c", "ls", "ls /mfs/2")) {
                assertTrue(shell.run(Main.words(command)), command + ": " + text);
            }
            assertEquals(List.of("/mfs/2/notes", "hello cluster", "again", "c", "home/", "notes/", "tmp/"), text.toString().lines().toList());
            assertEquals(List.of("migrate", "migrations", "mkdir", "mon", "mosctl", "mosq", "mosrc", "mosrun", "mps", "mtop", "mv"), shell.complete(true, "m"));
            assertEquals(List.of("/mfs/"), shell.complete(false, "/mf"));
            assertEquals(List.of("/mfs/1/", "/mfs/2/", "/mfs/3/", "/mfs/4/", "/mfs/5/"), shell.complete(false, "/mfs/"));
            assertEquals(List.of("../notes/"), shell.complete(false, "../no"), "relative to the shell's directory, /mfs/2/notes");
            assertTrue(shell.complete(false, "he").contains("hello.js"), "programs of /bin by their short names");
            assertEquals(List.of(), shell.complete(false, "/nope/x"));
            for (String[] bad : new String[][] {{"cat /nope", "cat: /nope: no such file or directory"}, {"cat /tmp", "cat: /tmp: is a directory"},
                    {"ls /bin/hello.js", "ls: /bin/hello.js: not a directory"}, {"echo x > /bin/x.js", "echo: /bin/x.js: read-only"},
                    {"rm /mfs/2", "rm: /mfs/2: a mount point"}, {"cd /nope", "cd: /nope: no such file or directory"},
                    {"rm /tmp/none", "rm: /tmp/none: no such file or directory"}, {"mkdir /tmp", "mkdir: /tmp: a mount point"},
                    {"echo x > a b", "echo: want: echo TEXT > FILE (the file last, after a separate > or >>)"}}) {
                text.getBuffer().setLength(0);
                assertFalse(shell.run(Main.words(bad[0])), bad[0]);
                assertEquals(bad[1] + "\n", text.toString());
            }
        }
    }

    @Test
    void aPipelineOfMosrunCommandsStreamsFromOneToTheNext() throws Exception {
        Image paper5 = Image.load(Path.of("../images/paper5")).withPolicy("none");
        StringWriter text = new StringWriter();
        try (Kernel kernel = Kernel.boot(paper5, 1)) {
            List<String> outputs = new java.util.ArrayList<>();
            kernel.addListener(new ssi.kernel.KernelListener() {
                @Override
                public void output(ssi.kernel.Output o) {
                    outputs.add(o.pid() + ": " + o.text());
                }
            });
            Shell shell = new Shell(kernel, new PrintWriter(text));
            assertTrue(shell.run(Main.words("mosrun producer.js 10 | mosrun -2 consumer.js &")), text.toString());
            assertEquals("1 2\n", text.toString());
            assertTrue(shell.run(Main.words("advance 2s")));
            assertEquals(List.of("2: consumed 40960 bytes\n"), outputs);
            assertTrue(kernel.process(1).isEmpty() && kernel.process(2).isEmpty(), "both ended: the consumer saw the end of the data");
            for (String bad : List.of("mosrun producer.js | ps", "mosrun producer.js |", "mosrun -r 9 producer.js | mosrun consumer.js")) {
                text.getBuffer().setLength(0);
                assertFalse(shell.run(Main.words(bad)), bad);
                assertTrue(text.toString().startsWith("mosrun: "), bad + ": " + text);
            }
        }
    }

    @Test
    void theMosixToolsAdministerNodesAndShowProcesses() throws Exception {
        Image paper5 = Image.load(Path.of("../images/paper5")).withPolicy("none");
        StringWriter text = new StringWriter();
        try (Kernel kernel = Kernel.boot(paper5, 1)) {
            Shell shell = new Shell(kernel, new PrintWriter(text));
            for (String c : List.of("mosrun -r 2 cpu.js &", "mosrun -3 cpu.js &", "advance 2s")) {
                assertTrue(shell.run(Main.words(c)), c + ": " + text);
            }
            text.getBuffer().setLength(0);
            for (String c : List.of("mosctl getspeed 2", "mosctl getload 2", "mosctl whois 2", "mosctl whois node3", "mosctl block 4",
                    "mosctl status 4", "mosctl -n 4 noblock", "mosctl status 4", "cat /proc/mosix/nodes/2/util", "mosctl -n 3 setspeed 3.6",
                    "cat /proc/mosix/nodes/3/speed", "echo 1.8 > /proc/mosix/admin/speed", "mosctl getspeed 1", "mosctl setdecay 1 990 900",
                    "cat /proc/mosix/admin/slow-decay", "echo 800 > /proc/mosix/admin/fast-decay", "cat /proc/mosix/admin/fast-decay")) {
                assertTrue(shell.run(Main.words(c)), c + ": " + text);
            }
            assertEquals(List.of("2.40", "0.25", "node2", "3", "node 4 (node4): up, block", "node 4 (node4): up", "100", "3.60", "1.80", "990", "800"),
                    text.toString().lines().toList());
            text.getBuffer().setLength(0);
            assertTrue(shell.run(Main.words("mps")));
            List<String> mps = text.toString().lines().toList();
            assertTrue(mps.get(1).matches("\\s+1\\s+1\\s+2 R\\s+0\\s+100.0\\s+\\d+K - +\\d+c  /bin/cpu.js"), mps.get(1));
            text.getBuffer().setLength(0);
            assertTrue(shell.run(Main.words("mon")));
            List<String> mon = text.toString().lines().toList();
            assertEquals("load (full bar: 1.00)", mon.getFirst());
            assertTrue(mon.get(1).startsWith("  1 node1    |          "), mon.get(1));
            assertEquals("  2 node2    |" + "#".repeat(10) + " ".repeat(30) + "|   0.25", mon.get(2), "a quarter of the bar");
            text.getBuffer().setLength(0);
            assertTrue(shell.run(Main.words("node crash 2")));
            assertTrue(shell.run(Main.words("mon -u")));
            assertTrue(text.toString().contains("DOWN"), text.toString());
            assertTrue(shell.run(Main.words("node restart 2")));
            text.getBuffer().setLength(0);
            assertTrue(shell.run(Main.words("mosrun -C 500ms -4 cpu.js &")), text.toString());
            assertTrue(shell.run(Main.words("advance 1s")));
            assertTrue(shell.run(Main.words("node crash 4")));
            assertTrue(shell.run(Main.words("mosrun -R 3 &")), text.toString());
            assertTrue(text.toString().endsWith("4\n"), "recovered as pid 4: " + text);
            text.getBuffer().setLength(0);
            assertTrue(shell.run(Main.words("node add big speed=4 cpus=2 mem=512")), text.toString());
            assertTrue(shell.run(Main.words("mosctl getspeed big")));
            assertEquals(List.of("6", "4.00"), text.toString().lines().toList());
            for (String bad : List.of("mosrun -R 99", "mosrun -R 1 cpu.js", "mosrun -C soon cpu.js", "mosrun",
                    "node add big speed=4", "node add other speed=fast", "node add x cpus=0", "node crash 2 now",
                    "mosctl frobnicate", "mosctl block 9", "node crash 9", "node restart 1", "node explode 2", "mosctl whois",
                    "mosctl setspeed fast", "echo banana > /proc/mosix/admin/speed", "echo 0 > /proc/mosix/admin/speed",
                    "mosctl setdecay 2 990 900", "mosctl setdecay 1 1001 900", "echo x > /proc/mosix/admin/slow-decay",
                    "echo 2 > /proc/mosix/admin/decay-interval", "mosctl getload 1 2")) {
                text.getBuffer().setLength(0);
                assertFalse(shell.run(Main.words(bad)), bad);
                assertFalse(text.toString().isBlank(), bad + " says why");
            }
        }
    }

    @Test
    void monAndMtopRunLiveInATerminalUntilQ() throws Exception {
        Image paper5 = Image.load(Path.of("../images/paper5")).withPolicy("none");
        java.io.ByteArrayOutputStream screen = new java.io.ByteArrayOutputStream();
        try (Kernel kernel = Kernel.boot(paper5, 1);
             org.jline.terminal.Terminal terminal = new org.jline.terminal.impl.DumbTerminal("test", "dumb",
                     new java.io.ByteArrayInputStream("muq".getBytes()), screen, java.nio.charset.StandardCharsets.UTF_8)) {
            StringWriter said = new StringWriter();
            Shell shell = new Shell(kernel, new PrintWriter(said));
            shell.useScreen(new Screen(terminal));
            assertTrue(shell.run(Main.words("mosrun -r 2 cpu.js &")));
            assertTrue(shell.run(Main.words("advance 2s")));
            assertTrue(shell.run(Main.words("mon")), "left with q: " + said);
            String shown = screen.toString();
            assertTrue(shown.indexOf("load (full bar") < shown.indexOf("memory used") && shown.indexOf("memory used") < shown.indexOf("utilisation"),
                    "m then u switched the view: " + shown);
            assertTrue(shown.contains("(q to leave)"));
            screen.reset();
        }
        try (Kernel kernel = Kernel.boot(paper5, 1);
             org.jline.terminal.Terminal terminal = new org.jline.terminal.impl.DumbTerminal("test", "dumb",
                     new java.io.ByteArrayInputStream("q".getBytes()), screen, java.nio.charset.StandardCharsets.UTF_8)) {
            Shell shell = new Shell(kernel, new PrintWriter(new StringWriter()));
            shell.useScreen(new Screen(terminal));
            assertTrue(shell.run(Main.words("mosrun -r 2 cpu.js &")));
            assertTrue(shell.run(Main.words("mtop")));
            assertTrue(screen.toString().contains("/bin/cpu.js"), screen.toString());
        }
    }

    @Test
    void webServesThePageUntilStoppedAndAnOpenBindNeedsAToken(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Image paper5 = Image.load(Path.of("../images/paper5"));
        StringWriter text = new StringWriter();
        try (Kernel kernel = Kernel.boot(paper5, 1)) {
            Shell shell = new Shell(kernel, new PrintWriter(text));
            assertTrue(shell.run(Main.words("web --port 0")), text.toString());
            String url = text.toString().strip().replace("web view at ", "");
            assertTrue(url.matches("http://127\\.0\\.0\\.1:\\d+/"), url);
            assertTrue(fetch(url).contains("name=\"ssi-session\""));
            assertEquals(5, new ObjectMapper().readTree(fetch(url + "api/state")).get("nodes").size());
            text.getBuffer().setLength(0);
            assertFalse(shell.run(Main.words("web --port 0")));
            assertEquals("web: already serving at " + url + " (web stop first)", text.toString().strip());
            text.getBuffer().setLength(0);
            assertTrue(shell.run(Main.words("web stop")));
            assertEquals("web view stopped", text.toString().strip());
            org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class, () -> fetch(url));
            for (String bad : List.of("web --bind 0.0.0.0 --port 0", "web --port 70000", "web --bind 0.0.0.0 --token short", "web frob")) {
                text.getBuffer().setLength(0);
                assertFalse(shell.run(Main.words(bad)), bad);
                assertEquals(1, text.toString().strip().lines().count(), bad + ": " + text);
                assertTrue(text.toString().startsWith("web: "), bad + ": " + text);
            }
            text.getBuffer().setLength(0);
            assertTrue(shell.run(Main.words("web stop")));
            assertEquals("no web view is running", text.toString().strip());
        }
        String state = dir.resolve("s").toString();
        assertEquals(2, new picocli.CommandLine(new Main()).execute("--image", "../images/paper5", "--state", state, "--port", "0", "-c", "nodes"),
                "--port is --web's");
        assertEquals(0, new picocli.CommandLine(new Main()).execute("--image", "../images/paper5", "--state", state, "--web", "--port", "0", "-c", "nodes"));
        assertEquals(1, new picocli.CommandLine(new Main()).execute("--image", "../images/paper5", "--state", state, "--web", "--bind", "0.0.0.0",
                "--port", "0", "-c", "nodes"), "an open bind without a token is refused");
    }

    private static String fetch(String url) throws java.io.IOException {
        try (java.io.InputStream in = java.net.URI.create(url).toURL().openStream()) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }
}
