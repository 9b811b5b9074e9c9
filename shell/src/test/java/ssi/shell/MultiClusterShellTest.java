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
}
