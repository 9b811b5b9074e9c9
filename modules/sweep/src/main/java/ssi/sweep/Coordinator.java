package ssi.sweep;

import com.hazelcast.cluster.Member;
import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import com.hazelcast.core.ExecutionCallback;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceNotActiveException;
import com.hazelcast.core.IExecutorService;
import com.hazelcast.core.MemberLeftException;
import com.hazelcast.spi.exception.TargetNotMemberException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Sends a sweep's runs to the members and gathers their results. Each member takes as many runs at
 * once as it announced slots, counted here ({@code submitToMember}, never Hazelcast's own choice of
 * member, which may pile runs on one). A member that leaves has its runs sent elsewhere (a run is
 * deterministic: run again, it gives the same row), at most {@value #MAX_SENDS} times in all; a run
 * that fails by itself is kept with its error and not run again.
 */
final class Coordinator implements MembershipListener {
    /** Hears how far the sweep is: runs done (failed ones among them), running, in all, and the wall time it has taken. */
    interface Progress {
        void at(int done, int failed, int running, int total, long elapsedNanos);
    }

    private static final int MAX_SENDS = 4;

    private final HazelcastInstance local;
    private final IExecutorService executor;
    private final ImageArchive image;
    private final String version;
    private final int total;
    private final Deque<RunSpec> queue = new ArrayDeque<>();
    private final Map<UUID, Member> members = new HashMap<>();
    private final Map<UUID, Integer> free = new HashMap<>();
    private final Map<RunSpec, UUID> running = new HashMap<>();
    private final Map<RunSpec, Integer> sends = new HashMap<>();
    private final Set<UUID> lacksImage = new HashSet<>();
    private final Map<RunSpec, RunResult> results = new TreeMap<>(RunSpec.ORDER);
    private int failed;

    private Coordinator(HazelcastInstance local, ImageArchive image, String version, List<RunSpec> runs) {
        this.local = local;
        this.executor = local.getExecutorService(RunTask.EXECUTOR);
        this.image = image;
        this.version = version;
        this.total = runs.size();
        queue.addAll(runs);
    }

    /** Runs every spec on the cluster {@code local} belongs to; the results in the table's order. */
    static List<RunResult> run(HazelcastInstance local, ImageArchive image, String version, List<RunSpec> runs, Progress progress)
            throws SweepException {
        Coordinator c = new Coordinator(local, image, version, runs);
        UUID registration = local.getCluster().addMembershipListener(c);
        try {
            return c.await(progress);
        } finally {
            if (local.getLifecycleService().isRunning()) {
                local.getCluster().removeMembershipListener(registration);
            }
        }
    }

    private synchronized List<RunResult> await(Progress progress) throws SweepException {
        long start = System.nanoTime();
        local.getCluster().getMembers().forEach(this::add);
        while (results.size() < total) {
            dispatch();
            if (running.isEmpty() && !queue.isEmpty()) {
                throw new SweepException("no member is left to run on (" + results.size() + " of " + total + " runs done): "
                        + "start a worker, or give this machine --slots");
            }
            progress.at(results.size(), failed, running.size(), total, System.nanoTime() - start);
            try {
                wait(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SweepException("the sweep was interrupted after " + results.size() + " of " + total + " runs");
            }
            if (!local.getLifecycleService().isRunning()) {
                throw new SweepException("this machine's cluster member stopped after " + results.size() + " of " + total + " runs");
            }
        }
        progress.at(results.size(), failed, 0, total, System.nanoTime() - start);
        return List.copyOf(results.values());
    }

    /** Fills every member's free slots from the queue. */
    private void dispatch() {
        for (UUID to : List.copyOf(free.keySet())) {
            while (free.getOrDefault(to, 0) > 0 && !queue.isEmpty()) {
                RunSpec spec = queue.poll();
                free.merge(to, -1, Integer::sum);
                running.put(spec, to);
                sends.merge(spec, 1, Integer::sum);
                byte[] bytes = lacksImage.contains(to) ? image.bytes() : null;
                executor.submitToMember(new RunTask(spec, version, bytes), members.get(to), new ExecutionCallback<RunResult>() {
                    @Override
                    public void onResponse(RunResult r) {
                        finished(spec, to, r, null);
                    }

                    @Override
                    public void onFailure(Throwable t) {
                        finished(spec, to, null, t);
                    }
                });
            }
        }
    }

    private synchronized void finished(RunSpec spec, UUID member, RunResult r, Throwable t) {
        if (!member.equals(running.get(spec))) {
            return; // already sent elsewhere: the member left
        }
        running.remove(spec);
        free.computeIfPresent(member, (m, n) -> n + 1);
        if (r != null && r.needsImage()) {
            lacksImage.add(member);
            queue.addFirst(spec);
            sends.merge(spec, -1, Integer::sum);
        } else if (r != null) {
            lacksImage.remove(member);
            keep(r);
        } else if (left(t)) {
            requeue(spec, member);
        } else {
            keep(RunResult.failed(spec, "on member " + members.get(member).getAddress() + ": " + t));
        }
        notifyAll();
    }

    private void keep(RunResult r) {
        results.put(r.spec(), r);
        failed += r.ok() ? 0 : 1;
    }

    /** A run whose member left: queued again, unless it has been sent too often (it may be what brings members down). */
    private void requeue(RunSpec spec, UUID member) {
        if (sends.getOrDefault(spec, 0) >= MAX_SENDS) {
            keep(RunResult.failed(spec, "its member left " + MAX_SENDS + " times while running it (the last: "
                    + (members.containsKey(member) ? members.get(member).getAddress() : member) + ")"));
        } else {
            queue.addFirst(spec);
        }
    }

    private static boolean left(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof MemberLeftException || c instanceof TargetNotMemberException || c instanceof HazelcastInstanceNotActiveException) {
                return true;
            }
        }
        return false;
    }

    /** A member joins the sweep's slots if it runs this ssi version and offers slots. */
    private void add(Member m) {
        if (version.equals(m.getAttribute(Members.VERSION)) && Members.slots(m) > 0 && !free.containsKey(m.getUuid())) { // once: an event may repeat the first list
            members.put(m.getUuid(), m);
            free.put(m.getUuid(), Members.slots(m));
        }
    }

    @Override
    public synchronized void memberAdded(MembershipEvent event) {
        add(event.getMember());
        notifyAll();
    }

    @Override
    public synchronized void memberRemoved(MembershipEvent event) {
        UUID gone = event.getMember().getUuid();
        free.remove(gone);
        for (RunSpec spec : List.copyOf(running.keySet())) {
            if (gone.equals(running.get(spec))) {
                running.remove(spec);
                requeue(spec, gone);
            }
        }
        notifyAll();
    }
}
