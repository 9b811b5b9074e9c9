package ssi.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import ssi.kernel.Image;
import ssi.kernel.Kernel;
import ssi.kernel.KernelListener;
import ssi.kernel.Output;

/** MOSIX2's multi-cluster from the shell, on the campus image: clusters, priorities, freezing, with guest programs. */
class MultiClusterShellTest {
    private static String run(Shell shell, StringWriter text, String... commands) {
        text.getBuffer().setLength(0);
        for (String c : commands) {
            assertTrue(shell.run(Main.words(c)), c + ": " + text);
        }
        return text.toString();
    }

    @Test
    void clustersAreListedConnectedAndGivenPrioritiesAndBadRequestsChangeNothing() throws Exception {
        StringWriter text = new StringWriter();
        try (Kernel kernel = Kernel.boot(Image.load(Path.of("../images/campus")), 1)) {
            Shell shell = new Shell(kernel, new PrintWriter(text));
            String list = """
                    CLUSTER    OWNER      NODES  CONNECTED GUESTS  AWAY  PRIORITIES
                    lab        lab        1-5    yes            0     0  dept=20
                    dept       department 6-17   yes            0     0  lab=50
                    cloud      provider   18-19  linux          0     0  -
                    """;
            assertEquals(list, run(shell, text, "cluster list"));
            for (String[] bad : new String[][] {{"cluster connect physics", "cluster: no cluster 'physics' (clusters: lab, dept, cloud)"},
                    {"cluster priority dept lab 70000", "cluster: a priority is a whole number between 1 and 65,535 (lower is higher), or none"},
                    {"cluster disconnect lab", "cluster: cannot disconnect cluster 'lab': it holds lab1, the node this request comes from"},
                    {"cluster priority lab lab 1", "cluster: cluster 'lab' needs no priority for itself"},
                    {"cluster connect cloud", "cluster: cluster 'cloud' is plain Linux servers, not a MOSIX cluster: reach it with mosrc"},
                    {"cluster frobnicate", "cluster: no action 'frobnicate' (list, connect, disconnect, priority)"},
                    {"migrate 7 freeze", "migrate: no process 7"}}) {
                text.getBuffer().setLength(0);
                assertFalse(shell.run(Main.words(bad[0])), bad[0]);
                assertTrue(text.toString().startsWith(bad[1]) && text.toString().lines().count() == 1, bad[0] + ": " + text);
            }
            assertEquals(list, run(shell, text, "cluster list"), "nothing changed");
            assertEquals("cluster dept gives lab priority 5\ncluster dept disconnected\n",
                    run(shell, text, "cluster priority dept lab 5", "cluster disconnect dept"));
            assertEquals("0\n6 7 8 9 10 11 12 13 14 15 16 17\ndepartment\nlab 5\n", run(shell, text, "cat /proc/mosix/clusters/dept/connected",
                    "cat /proc/mosix/clusters/dept/nodes", "cat /proc/mosix/clusters/dept/owner", "cat /proc/mosix/clusters/dept/priority"));
            run(shell, text, "echo 1 > /proc/mosix/clusters/dept/connected", "echo lab none > /proc/mosix/clusters/dept/priority");
            assertEquals("dept       department 6-17   yes            0     0  -", run(shell, text, "cluster list").lines().toList().get(2));
        }
    }

    @Test
    void aFrozenGuestProgramGoesOnWithItsOutputIntact() throws Exception {
        StringWriter text = new StringWriter();
        try (Kernel kernel = Kernel.boot(Image.load(Path.of("../images/campus")).withPolicy("none"), 1)) {
            Shell shell = new Shell(kernel, new PrintWriter(text));
            StringBuilder printed = new StringBuilder(); // what the program wrote to its terminal, in order
            kernel.addListener(new KernelListener() {
                @Override
                public void output(Output o) {
                    printed.append(o.text());
                }
            });
            run(shell, text, "mosrun count.js 6 &", "advance 120ms", "migrate 1 freeze");
            assertEquals("count 1: 1/6\n", printed.toString());
            String mps = run(shell, text, "mps");
            assertTrue(mps.lines().toList().get(1).matches("\\s+1\\s+1\\s+disk D .*/bin/count.js 6"), mps);
            assertTrue(run(shell, text, "mon").contains("  1 frozen"), text.toString());
            assertEquals("D (on_disk)\n", run(shell, text, "cat /proc/1/status"));
            run(shell, text, "advance 2s");
            assertEquals("count 1: 1/6\n", printed.toString(), "nothing while frozen");
            run(shell, text, "migrate 1 continue", "wait 1");
            assertEquals("count 1: 1/6\ncount 1: 2/6\ncount 1: 3/6\ncount 1: 4/6\ncount 1: 5/6\ncount 1: 6/6\n", printed.toString());
            assertEquals(java.util.Optional.of(0), kernel.exitStatus(1));
            text.getBuffer().setLength(0);
            assertFalse(shell.run(Main.words("migrate 1 continue")), "it ended");
        }
    }

    @Test
    void aDisconnectSendsTwentyGuestProgramsHomeWhereTheRedMarkFreezesSomeAndAllFinishWithTheirOutput() throws Exception {
        StringWriter text = new StringWriter();
        try (Kernel kernel = Kernel.boot(Image.load(Path.of("../images/campus")).withPolicy("none"), 1)) {
            Shell shell = new Shell(kernel, new PrintWriter(text));
            java.util.Map<Integer, StringBuilder> printed = new java.util.TreeMap<>();
            kernel.addListener(new KernelListener() {
                @Override
                public void output(Output o) {
                    printed.computeIfAbsent(o.pid(), pid -> new StringBuilder()).append(o.text());
                }
            });
            run(shell, text, "echo 2.0 > /proc/mosix/admin/red-mark", "echo 1.0 > /proc/mosix/admin/blue-mark"); // lab1, the shell's node
            for (int i = 0; i < 20; i++) {
                run(shell, text, "mosrun -r dept" + (1 + i % 12) + " count.js 4 300000 &");
            }
            run(shell, text, "advance 200ms");
            assertTrue(run(shell, text, "cluster list").contains("dept       department 6-17   yes           20     0"), text.toString());
            run(shell, text, "cluster disconnect dept", "advance 1s");
            assertTrue(run(shell, text, "cluster list").contains("dept       department 6-17   no             0     0"), text.toString());
            long frozen = kernel.trace().stream().filter(l -> l.contains("freeze-disk") && l.contains("reason=red-mark")).count();
            assertEquals(16, frozen, "20 back at lab1 (speed 2): a load of 10; the red mark 2.0 leaves 4 running");
            run(shell, text, "advance 60s");
            for (int pid = 1; pid <= 20; pid++) {
                assertEquals(java.util.Optional.of(0), kernel.exitStatus(pid), "pid " + pid);
                StringBuilder lines = new StringBuilder();
                for (int i = 1; i <= 4; i++) {
                    lines.append("count ").append(pid).append(": ").append(i).append("/4\n");
                }
                assertEquals(lines.toString(), printed.get(pid).toString(), "pid " + pid + "'s output, all of it, in order");
            }
            assertEquals(16, kernel.trace().stream().filter(l -> l.contains(" continue pid=")).count(), "each frozen one continued");
        }
    }

    @Test
    void theQueueFromTheShell() throws Exception {
        StringWriter text = new StringWriter();
        Image campus = Image.load(Path.of("../images/campus")).withPolicy("none");
        try (Kernel kernel = Kernel.boot(campus, 1)) {
            Shell shell = new Shell(kernel, new PrintWriter(text));
            StringBuilder queued = new StringBuilder();
            for (int i = 1; i <= 6; i++) {
                queued.append(run(shell, text, "mosrun -q -p " + (i == 6 ? 7 : 50) + " count.js 2 100000"));
            }
            assertEquals("job 1 queued\njob 2 queued\njob 3 queued\njob 4 queued\njob 5 queued\njob 6 queued\n", queued.toString());
            assertEquals("""
                     JOB   PRI STATE      PID     QUEUED  COMMAND
                       1    50 running      1     0.000s  count.js 2 100000
                       2    50 running      2     0.000s  count.js 2 100000
                       3    50 running      3     0.000s  count.js 2 100000
                       4    50 running      4     0.000s  count.js 2 100000
                       5    50 running      5     0.000s  count.js 2 100000
                       6     7 queued       -     0.000s  count.js 2 100000
                    """, run(shell, text, "mosq list"));
            assertEquals("6 7 queued 0 0.000 count.js 2 100000\n", run(shell, text, "cat /proc/mosix/queue").lines().toList().get(5) + "\n");
            for (String[] bad : new String[][] {{"mosq run 9", "mosq: no job 9"}, {"mosq delete 1", "mosq: job 1 is not queued: it is running"},
                    {"mosq priority 6 -1", "mosq: want a priority's number, got '-1'"}, {"mosq list 3", "mosq: usage: mosq list"},
                    {"mosrun -p 3 count.js", "mosrun: -p gives a queued job's priority: use it with -q"},
                    {"mosrun -q nothere.js", "mosrun: no such program"}, {"mosq frob", "mosq: no action 'frob'"}}) {
                text.getBuffer().setLength(0);
                assertFalse(shell.run(Main.words(bad[0])), bad[0]);
                assertTrue(text.toString().startsWith(bad[1]) && text.toString().lines().count() == 1, bad[0] + ": " + text);
            }
            assertEquals("6\n", run(shell, text, "mosq run 6"), "started now, room or not");
            run(shell, text, "advance 3s");
            assertTrue(kernel.jobs().stream().allMatch(j -> j.state().equals("done")), kernel.jobs().toString());
        }
    }

    @Test
    void mosrcJobsOnOtherEntitiesShareTheLaunchingNodesFilesOverTheNetwork() throws Exception {
        StringWriter text = new StringWriter();
        try (Kernel kernel = Kernel.boot(Image.load(Path.of("../images/campus")).withPolicy("none"), 1)) {
            Shell shell = new Shell(kernel, new PrintWriter(text));
            java.util.Map<Integer, StringBuilder> printed = new java.util.TreeMap<>();
            java.util.Map<Integer, ssi.api.ProcessInfo> ended = new java.util.TreeMap<>();
            java.util.Map<Integer, Long> endedAt = new java.util.TreeMap<>();
            kernel.addListener(new KernelListener() {
                @Override
                public void output(Output o) {
                    printed.computeIfAbsent(o.pid(), pid -> new StringBuilder()).append(o.text());
                }

                @Override
                public void exited(ssi.api.ProcessInfo p, int status, long time) {
                    ended.put(p.pid(), p);
                    endedAt.put(p.pid(), time);
                }
            });
            run(shell, text, "cluster disconnect dept", "mosrc -r dept4 notes.js /home/notes.txt first &", "wait",
                    "mosrc -r cloud1 notes.js /home/notes.txt second &", "wait");
            assertEquals("first (written at node 9)\n", printed.get(1).toString());
            assertEquals("first (written at node 9)\nsecond (written at node 18)\n", printed.get(2).toString(), "the cloud job saw the dept job's write");
            assertEquals("first (written at node 9)\nsecond (written at node 18)\n", run(shell, text, "cat /home/notes.txt"), "the files stayed here");
            long cloudTrip = 2 * (200_000 + 10_000_000); // lab's and cloud's uplinks, there and back
            long started = kernel.trace().stream().filter(l -> l.contains("mosrc pid=2")).map(l -> Math.round(Double.parseDouble(l.split(" ")[0]) * 1e9))
                    .findFirst().orElseThrow();
            assertTrue(ended.get(2).forwarded() >= 6, "its opens, reads, writes and output went home: " + ended.get(2).forwarded());
            assertTrue(endedAt.get(2) - started >= ended.get(2).forwarded() * cloudTrip, "each crossed the network to the cloud and back");
            assertTrue(endedAt.get(1) < ended.get(1).forwarded() * cloudTrip, "the department is nearer");
            for (String[] bad : new String[][] {{"mosrc -r nowhere hello.js", "mosrc: no node 'nowhere'"},
                    {"mosrc -r lab2 hello.js", "mosrc: mosrc runs a job on another entity's node: lab2 is in cluster lab, this one (use mosrun -r lab2)"},
                    {"node crash cloud2", null}, {"mosrc -r cloud2 hello.js", "mosrc: cannot reach cloud2: node 19 is down"},
                    {"mosrc hello.js", "mosrc: which node? mosrc -r TARGET PROG ARGS"}}) {
                text.getBuffer().setLength(0);
                if (bad[1] == null) {
                    assertTrue(shell.run(Main.words(bad[0])), bad[0]);
                    continue;
                }
                assertFalse(shell.run(Main.words(bad[0])), bad[0]);
                assertTrue(text.toString().startsWith(bad[1]) && text.toString().lines().count() == 1, bad[0] + ": " + text);
            }
            run(shell, text, "mosrc -r cloud1 count.js 3 2000000 &", "advance 100ms");
            text.getBuffer().setLength(0);
            assertFalse(shell.run(Main.words("migrate 3 lab2")));
            assertEquals("migrate: process 3 is a MOSRC job's: it stays in cluster cloud, on its node (plain Linux)\n", text.toString());
            run(shell, text, "mosrc -r dept3 spread.js 4 2 400000 &", "advance 100ms");
            java.util.Set<Integer> workers = new java.util.TreeSet<>();
            kernel.ps().stream().filter(p -> p.ppid() == 4).forEach(p -> workers.add(p.where()));
            assertEquals(java.util.Set.of(6, 7, 8, 9), workers, "its workers spread over the department's nodes");
            run(shell, text, "wait");
            assertEquals("spread.js 4: 4 workers done\n", printed.get(4).toString());
        }
    }
}
