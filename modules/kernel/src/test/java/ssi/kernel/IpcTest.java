package ssi.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import ssi.api.ProcessState;
import ssi.api.Signal;

/** Pipes, messages, signals and shared memory between guest processes, with their costs in virtual time. */
class IpcTest extends LabTest {
    /** Lines of {@code text} starting with {@code word}, split on spaces. */
    private static List<String[]> lines(String text, String word) {
        List<String[]> out = new ArrayList<>();
        text.lines().filter(l -> l.startsWith(word + " ")).forEach(l -> out.add(l.split(" ")));
        return out;
    }

    /**
     * A pipe lives at its creator's home (node 1 here). Each call takes 10 us there. A reader at home
     * gets each chunk 10 us after it was written. A reader away (node 2) waits through its deputy:
     * the chunk then travels to it (64 + 1000 bytes: 166.5 us). A writer away sends each chunk to its
     * deputy (166.5 us), which works 500 us at home before the write is done.
     */
    @Test
    void aPipeDeliversEveryByteInOrderWithItsCostWhereverEachSideRuns() throws Exception {
        long[][] cases = {{0, 0, 10_000}, {0, 2, 176_500}, {2, 0, 676_500}};
        for (long[] c : cases) {
            try (LabRun r = new LabRun(lab, runtime, 1)) {
                List<String> args = c[0] == 0 && c[1] == 0 ? List.of() : List.of(c[0] == 0 ? "1" : String.valueOf(c[0]), String.valueOf(c[1] == 0 ? 1 : c[1]));
                int writer = r.kernel.spawn(1, "pipes.js", args);
                assertEquals(0, r.finish(writer));
                int reader = writer + 1;
                String out = r.text(writer) + r.text(reader);
                List<String[]> writes = lines(r.text(writer), "write");
                List<String[]> reads = lines(r.text(reader), "read");
                assertEquals(3, writes.size(), out);
                if (reads.size() != 3) {
                    r.kernel.trace().stream().limit(60).forEach(System.out::println);
                }
                assertEquals(3, reads.size(), out);
                for (int i = 0; i < 3; i++) {
                    long delay = Long.parseLong(reads.get(i)[1]) - Long.parseLong(writes.get(i)[1]);
                    assertTrue(delay >= c[2] && delay < c[2] + 3_000, "chunk " + i + " took " + delay + " ns, want " + c[2] + ": " + out);
                    assertEquals("1000", reads.get(i)[2]);
                    assertEquals(String.valueOf(i), reads.get(i)[3], "in order");
                }
                assertTrue(r.text(reader).endsWith("end 3000\n"), "the end of the data once the writer closed: " + out);
                assertTrue(r.text(writer).endsWith("child 0\n"), out);
            }
        }
    }

    @Test
    void aPipelineOfPythonProcessesStreamsEveryLineAndEnds() throws Exception {
        try (LabRun r = new LabRun(lab, runtime, 1)) {
            List<Integer> pids = r.kernel.pipeline(1, List.of(List.of("producer.py", "2000"), List.of("consumer.py")),
                    List.of(RunOptions.DEFAULT, RunOptions.DEFAULT));
            assertEquals(0, r.finish(pids.get(1)));
            assertEquals("2000 lines, in order\n", r.text(pids.get(1)));
            assertEquals(0, r.finish(pids.get(0)));
            assertEquals("", r.text(pids.get(0)), "its output went into the pipe");
        }
    }

    /**
     * killer.js at node 1 signals signals.py, which moved to node 3: each signal takes 10 us at the
     * sender's home and then the way to node 3 (64 bytes: 104 us). SIGUSR1 runs the handler where it
     * runs; SIGSTOP stops it (its sleeps end, it does not run) until SIGCONT; SIGTERM's handler ends it.
     */
    @Test
    void signalsReachAMigratedProcessAndRunItsHandlers() throws Exception {
        try (LabRun r = new LabRun(lab, runtime, 1)) {
            int target = r.kernel.spawn(1, "signals.py", List.of("3"));
            int killer = r.kernel.spawn(1, "killer.js", List.of(String.valueOf(target), "SIGUSR1@0.5", "SIGSTOP@0.6", "SIGUSR1@0.7",
                    "SIGCONT@2.5", "SIGTERM@3"));
            r.kernel.advance(2 * LabRun.S);
            assertEquals(ProcessState.STOPPED, r.info(target).state(), "stopped by SIGSTOP");
            assertEquals(0, r.finish(killer));
            assertEquals(0, r.finish(target));
            List<String[]> sent = lines(r.text(killer), "SIGUSR1");
            String[] got = r.text(target).lines().toArray(String[]::new);
            assertEquals(3, got.length, r.text(target));
            long first = Long.parseLong(got[0].split(" ")[2]) - Long.parseLong(sent.get(0)[1]);
            assertTrue(first >= 114_000 && first < 120_000, "through home to node 3: " + first + " ns: " + r.text(target));
            assertTrue(got[0].endsWith("on node 3"), got[0]);
            long second = Long.parseLong(got[1].split(" ")[2]);
            assertTrue(second >= 2_500_000_000L, "the second SIGUSR1 waited for SIGCONT: " + second);
            assertEquals("SIGTERM: bye", got[2]);
        }
    }

    @Test
    void sigkillEndsABlockedReader() throws Exception {
        try (LabRun r = new LabRun(lab, runtime, 1)) {
            List<Integer> pids = r.kernel.pipeline(1, List.of(List.of("sleepy.py"), List.of("pipecat.js")),
                    List.of(RunOptions.DEFAULT, RunOptions.DEFAULT));
            r.kernel.advance(LabRun.S / 10);
            assertEquals(ProcessState.SLEEPING, r.info(pids.get(1)).state(), "blocked on an empty pipe");
            r.kernel.kill(pids.get(1), Signal.SIGKILL);
            assertEquals(137, r.finish(pids.get(1)));
        }
    }

    @Test
    void sharedMemoryIsSharedAndConfinesItsUsers() throws Exception {
        try (LabRun r = new LabRun(lab, runtime, 1)) {
            int pid = r.kernel.spawn(1, "shmshare.js", List.of(), new RunOptions(RunOptions.HOME, false, RunOptions.Mode.CONFINE_ON_USE));
            assertEquals(0, r.finish(pid));
            assertEquals("parent sees 'hello back'\n", r.text(pid));
            assertEquals("child saw 'hello'\n", r.text(pid + 1));
            assertEquals("monkey", r.ended.get(pid + 1).cantmove(), "attaching confined the child to its home");
        }
    }

    @Test
    void badIpcCallsAreErrorsTheProgramCanCatch() throws Exception {
        try (LabRun r = new LabRun(lab, runtime, 1)) {
            int pid = r.kernel.spawn(1, "ipcbad.js", List.of(), new RunOptions(RunOptions.HOME, false, RunOptions.Mode.CONFINE_ON_USE));
            assertEquals(0, r.finish(pid));
            assertEquals("""
                    write: broken pipe (EPIPE): no process reads pipe 1
                    send: no process 2
                    kill: no signal 'SIGBOGUS' (known: [SIGHUP, SIGINT, SIGKILL, SIGUSR1, SIGUSR2, SIGPIPE, SIGALRM, SIGTERM, SIGCHLD, SIGCONT, SIGSTOP])
                    shmdt: segment 1 is not attached to process 1
                    read: no open descriptor 99
                    read: that is the pipe's write end
                    signal: SIGKILL cannot be caught
                    spawn: stdin must be a read end
                    """, r.text(pid));
        }
    }

    /**
     * A 100-byte message from node 3 to node 2, both processes of home 1. Through the homes (MOSIX):
     * the send goes to the sender's deputy (64 + 100 bytes: 110.25 us; 500 us of work at home), takes
     * 10 us there, reaches the receiver's deputy at the same home, whose waiting receive takes 10 us
     * and sends it on to node 2 (110.25 us): 740.5 us. Direct, when both ask: 10 us, one hop of
     * 110.25 us, 10 us: 130.25 us.
     */
    @Test
    void aMessageGoesThroughTheHomesUnlessBothAskForDirectCommunication() throws Exception {
        for (boolean direct : new boolean[] {false, true}) {
            try (LabRun r = new LabRun(lab, runtime, 1)) {
                int sender = r.kernel.spawn(1, "msg.js", direct ? List.of("direct") : List.of());
                assertEquals(0, r.finish(sender));
                long sent = Long.parseLong(lines(r.text(sender), "sent").getFirst()[2]);
                String[] got = lines(r.text(sender + 1), "got").getFirst();
                assertEquals("100", got[1]);
                assertEquals(String.valueOf(sender), got[3]);
                long took = Long.parseLong(got[5]) - sent;
                long want = direct ? 130_250 : 740_500;
                assertTrue(took >= want && took < want + 3_000, (direct ? "direct: " : "through the homes: ") + took + " ns");
            }
        }
    }

    /** The seed paper's Test 8: an MPI-like ring, one rank per node of the five-node cluster, in each language. */
    @Test
    void anMpiRingSumsOverFiveNodes() throws Exception {
        Image paper5 = Image.load(java.nio.file.Path.of("../../images/paper5")).withPolicy(Policies.NONE);
        for (String program : List.of("ring.js", "ring.py")) {
            try (LabRun r = new LabRun(paper5, runtime, 1)) {
                int root = r.kernel.spawn(1, program, List.of());
                assertEquals(0, r.finish(root));
                StringBuilder all = new StringBuilder();
                for (int pid = root; pid < root + 5; pid++) {
                    all.append(r.text(pid));
                }
                assertEquals("""
                        rank 0 on node 1: sum 15
                        rank 1 on node 2: sum 15
                        rank 2 on node 3: sum 15
                        rank 3 on node 4: sum 15
                        rank 4 on node 5: sum 15
                        """, all.toString(), program);
            }
        }
    }

    /** The paper's Test 6: a child gets its parent's home, lock and mode, and the ends passed to it; wait reports its use. */
    @Test
    void aChildInheritsItsParentsFeaturesAndEnds() throws Exception {
        try (LabRun r = new LabRun(lab, runtime, 1)) {
            int parent = r.kernel.spawn(1, "inherit.js", List.of(), new RunOptions(RunOptions.HOME, true, RunOptions.Mode.NATIVE));
            r.kernel.advance(LabRun.S / 2);
            var child = r.info(parent + 1);
            assertEquals(1, child.home());
            assertTrue(child.locked(), "locked like its parent");
            assertEquals("native", child.cantmove(), "native like its parent");
            assertEquals(0, r.finish(parent));
            assertEquals("child of " + parent + " on node 1\nstatus 3 work true nmigs 0 eof ''\n", r.text(parent));
        }
    }
}
