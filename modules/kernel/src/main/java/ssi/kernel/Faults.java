package ssi.kernel;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import ssi.guest.GuestProcess;

/**
 * Faults stay where they happen: a kernel failure while serving a process ends that process only,
 * a guest whose host heap outgrows its limit is killed before it endangers the JVM, and the
 * kernel's invariants can be checked after either.
 */
final class Faults {
    private final Kernel k;

    Faults(Kernel k) {
        this.k = k;
    }

    /** The process a task serves. */
    static Proc owner(Task t) {
        return switch (t) {
            case Proc p -> p;
            case DeputyTask d -> d.owner;
            case Delivery d -> d.target;
        };
    }

    /**
     * The kernel failed (a bug) while serving process {@code p} at {@code t}: that process ends, as
     * if it had aborted (status 134), with {@code internal error} on its stderr, and the failure goes
     * to a report in the state directory ({@code reports/pid-N-T.txt}, with the Java stack trace);
     * every other process and the cluster go on.
     */
    void fault(Proc p, Throwable e, long t) {
        if (!p.alive()) {
            return; // it ended on the way: nothing left to contain
        }
        p.failed = null;
        String report = "reports/pid-" + p.pid + "-" + Trace.stamp(t) + ".txt";
        StringWriter text = new StringWriter();
        text.write("ssi kernel fault while serving process " + p.pid + " (" + p.command() + ") at t=" + Trace.stamp(t)
                + ", on node " + p.where + ", home " + p.home + "\n\n");
        e.printStackTrace(new PrintWriter(text));
        try {
            Path file = k.files().state().resolve(report);
            Files.createDirectories(file.getParent());
            Files.writeString(file, text.toString());
        } catch (IOException io) {
            report = "none (" + io.getMessage() + ")";
        }
        k.trace.log(t, "fault pid=" + p.pid + " report=" + report);
        k.trace.emit(new Output(t, p.pid, true, "internal error: the kernel failed while serving process " + p.pid
                + " (its report: " + report + " in the state directory)\n"));
        k.processes.exit(p, 134, t);
    }

    /**
     * Asks each guest for its host heap (measured as its next slice starts) and kills one whose last
     * measurement was over the image's limit with an out-of-memory error, so that one guest cannot
     * endanger the JVM. Host-dependent by nature: only a guest past its limit feels it.
     */
    void guardHeaps(long t) {
        Image.HeapGuard guard = k.image().heapGuard();
        long limit = guard.limitBytes();
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        if (heap.getMax() > 0 && heap.getUsed() * 100 < heap.getMax() * guard.pressurePercent()) {
            return; // room enough: no walk of every guest's objects
        }
        measureHeaps();
        for (Proc p : List.copyOf(k.processes.all())) {
            if (p.alive() && p.heap > limit) {
                k.trace.emit(new Output(t, p.pid, true, GuestProcess.outOfMemory(p.pid, limit) + " (its host heap; the image's guest_heap_mb); killed\n"));
                k.trace.log(t, "oom pid=" + p.pid + " heap>" + limit);
                k.processes.exit(p, 137, t);
            }
        }
    }

    /**
     * Asks every guest to measure the host heap its context holds (each does as its next slice
     * starts: {@code ps} shows the figures from then on); each keeps its last measurement meanwhile.
     */
    void measureHeaps() {
        for (Proc p : k.processes.all()) {
            if (p.alive() && p.guest.threaded()) {
                p.heap = p.guest.heapBytes(k.image().heapGuard().limitBytes() + 1);
            }
        }
    }

    /**
     * Checks the kernel's invariants, as tests do after a failure: every live process is counted
     * on exactly one node, the one it runs on, which is up, as is its home (where its deputy is);
     * each node's memory accounting equals the memory of its processes and of those migrating to
     * it, and fits the node; every live process either cruises on its node or runs by slices, not
     * both, and an ended one does neither; the process limit counts each user's guest processes.
     * Throws {@link IllegalStateException} naming the first broken one.
     */
    void checkInvariants() {
        Nodes nodes = k.nodes;
        int last = nodes.count();
        long[] memory = new long[last + 1];
        int[] residents = new int[last + 1];
        int[] cruising = new int[last + 1];
        for (Proc p : k.processes.all()) {
            if (!p.alive()) {
                require(!k.processes.sliced.has(p) && !p.cruising, "ended process " + p.pid + " still runs (by slices or cruising)");
                continue;
            }
            if (p.frozen != null) {
                require(!nodes.at(p.where).contains(p) && !p.cruising, "frozen process " + p.pid + " still holds a node");
                continue;
            }
            require(k.image().node(p.where).isPresent() && nodes.up(p.where), "process " + p.pid + " runs on node " + p.where + ", which is not up");
            require(k.image().node(p.home).isPresent() && nodes.up(p.home), "process " + p.pid + "'s home (its deputy), node " + p.home + ", is not up");
            require(nodes.at(p.where).contains(p), "process " + p.pid + " is not counted at node " + p.where + ", where it runs");
            require(p.cruising != k.processes.sliced.has(p), "process " + p.pid + (p.cruising ? " both cruises and runs by slices" : " neither cruises nor runs by slices"));
            residents[p.where]++;
            cruising[p.where] += p.cruising ? 1 : 0;
            memory[p.where] += p.memory.bytes();
            if (p.move != null && p.move.reserved()) {
                memory[p.move.to()] += p.memory.bytes();
            }
        }
        Map<String, Integer> owners = new HashMap<>();
        k.processes.all().stream().filter(p -> p.program != null).forEach(p -> owners.merge(p.owner, 1, Integer::sum));
        Map<String, Integer> owned = k.processes.owned();
        require(owned.equals(owners), "the process limit counts " + owned + " processes by owner, there are " + owners);
        for (int n = 1; n <= last; n++) {
            long used = nodes.used(n);
            require(nodes.at(n).size() == residents[n], "node " + n + " counts " + nodes.at(n).size() + " processes, " + residents[n] + " run there");
            require(k.cruises.size(n) == cruising[n], "node " + n + "'s cruise holds " + k.cruises.size(n) + " processes, " + cruising[n] + " cruise there");
            require(used == memory[n], "node " + n + " accounts " + used + " bytes of memory, its processes take " + memory[n]);
            require(used <= nodes.spec(n).memory(), "node " + n + " holds " + used + " bytes of memory, more than its " + nodes.spec(n).memory());
        }
    }

    private static void require(boolean holds, String broken) {
        if (!holds) {
            throw new IllegalStateException("kernel invariant broken: " + broken);
        }
    }
}
