package ssi.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import ssi.api.Job;

/** MOSIX2's queue: jobs start as their cluster has room, by priority, then first come first served; the same at every run. */
class JobQueueTest extends LabTest {
    static Image campus;

    @BeforeAll
    static void load() throws Exception {
        campus = Image.load(Path.of("../../images/campus")).withPolicy("none");
    }

    /** Queues eight jobs at lab1 (5 CPUs in the lab: room for 5), job i a count of i lines; returns the queue's trace lines. */
    private static List<String> run() throws Exception {
        try (Kernel k = Kernel.boot(campus, 1, runtime, Policies.discover())) {
            for (int i = 1; i <= 8; i++) {
                k.enqueue(1, "count.js", List.of(String.valueOf(i), "100000"), RunOptions.DEFAULT, i == 7 ? 40 : 50);
            }
            assertEquals(List.of("running", "running", "running", "running", "running", "queued", "queued", "queued"),
                    k.jobs().stream().map(Job::state).toList(), "room for five");
            k.setJobPriority(8, 10);
            k.deleteJob(6);
            assertEquals("job 1 is not queued: it is running", assertThrows(KernelException.class, () -> k.deleteJob(1)).getMessage());
            assertEquals("no job 6", assertThrows(KernelException.class, () -> k.deleteJob(6)).getMessage());
            assertEquals("no job 99", assertThrows(KernelException.class, () -> k.runJob(99)).getMessage());
            assertEquals("a job's priority is a whole number between 0 and 65,535 (lower is higher), got 70000",
                    assertThrows(KernelException.class, () -> k.setJobPriority(7, 70_000)).getMessage());
            assertThrows(KernelException.class, () -> k.enqueue(1, "nothere.js", List.of(), RunOptions.DEFAULT, 50));
            k.advance(20 * S);
            assertEquals(List.of("done", "done", "done", "done", "done", "done", "done"), k.jobs().stream().map(Job::state).toList());
            return k.trace().stream().filter(l -> l.contains("queue job=")).toList();
        }
    }

    @Test
    void jobsStartByPriorityAsRoomFreesUpAtTheSameTimesEveryRun() throws Exception {
        List<String> first = run();
        List<String> dequeued = first.stream().filter(l -> l.contains("dequeue")).map(l -> l.replaceFirst(" pid=\\d+", "")).toList();
        assertEquals(8, dequeued.size(), String.join("\n", first));
        assertEquals(List.of("job=1", "job=2", "job=3", "job=4", "job=5", "job=6", "job=8", "job=7"),
                dequeued.stream().map(l -> l.replaceAll(".* (job=\\d+).*", "$1")).toList(), "8 (priority 10) before 7 (40); 6 deleted");
        double room = Double.parseDouble(dequeued.get(6).split(" ")[0]);
        assertEquals(true, room > 0 && Math.round(room * 1e9) % 10_000_000 == 0, "job 8 starts at the end of the quantum in which job 1 ended: " + room);
        assertEquals(first, run(), "the same jobs at the same virtual times");
    }
}
