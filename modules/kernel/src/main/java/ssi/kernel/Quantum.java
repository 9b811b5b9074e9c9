package ssi.kernel;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import ssi.api.ProcessState;
import ssi.guest.Yield;
import ssi.scheduler.CpuShare;
import ssi.scheduler.NodeCpus;

/**
 * The virtual clock and the quantum's order of phases. A quantum: migrations take their steps;
 * each node's CPUs are shared among the processes due to run there (cruising ones counted in
 * bulk); then rounds: the slices run (in parallel on the host), and what they led to is carried
 * out in virtual-time order, each effect on another process in a later round if it may happen
 * before that round starts; then checkpoints, the heap guard, and the period's end (load, gossip,
 * policies). An idle cluster passes whole periods at once ({@link #rest}).
 */
final class Quantum {
    private final Kernel k;
    final CpuShare cpu;   // work units in virtual time
    final NodeCpus cpus;  // each node's CPUs in the current quantum
    private long now;
    private long quanta;        // quanta whose CPU samples were taken
    private boolean periodBusy; // a process or a signal existed at some quantum of the current balancing period
    private long idlePeriods;   // balancing periods in a row in which none did
    private final List<Delivery> deliveries = new ArrayList<>(); // signals arriving in later quanta
    private final AtomicLong interrupts = new AtomicLong(); // Ctrl-Cs so far
    // The current round: a call carried out now may lead to tasks in the next one.
    private long roundEnd;        // the end of the quantum being run
    private List<Task> roundNext; // the tasks of the next round; null outside the rounds (between quanta, at a quantum's start and end)

    Quantum(Kernel k, Image image) {
        this.k = k;
        this.cpu = new CpuShare(image.workRate());
        this.cpus = new NodeCpus(image.nodes().size(), image.quantumNanos());
    }

    /** The current virtual time in nanoseconds since boot. */
    long now() {
        return now;
    }

    /** Quanta whose CPU samples were taken. */
    long quanta() {
        return quanta;
    }

    /** Runs for {@code nanos} of virtual time (whole quanta), or until {@link #interrupt}; see {@link Kernel#advance}. */
    void advance(long nanos) {
        if (nanos < 0) {
            throw new IllegalArgumentException("a span of virtual time cannot be negative, got " + nanos + " ns");
        }
        long q = k.image().quantumNanos();
        if (Math.ceilDiv(nanos, q) > (Kernel.END_OF_TIME - now) / q) {
            throw new IllegalArgumentException("the virtual clock ends at t=" + Trace.stamp(Kernel.END_OF_TIME) + " (2^62 ns, about 146 years): from t="
                    + Trace.stamp(now) + ", " + nanos + " ns (in whole quanta of " + Durations.millis(q) + ") go past it");
        }
        long target = now + nanos;
        long asked = interrupts.get();
        while (now < target && interrupts.get() == asked) {
            if (!rest(target)) {
                run();
            }
        }
    }

    /** Runs until a process has ended, {@code limitNanos} have passed (up to the clock's end) or {@link #interrupt}. */
    Optional<Integer> runUntilExit(int pid, long limitNanos) {
        long limit = limitNanos > Kernel.END_OF_TIME - now ? Kernel.END_OF_TIME : now + limitNanos;
        long asked = interrupts.get();
        while (k.processes.exitStatus(pid).isEmpty() && now < limit && interrupts.get() == asked) {
            run();
        }
        return k.processes.exitStatus(pid);
    }

    /** Asks the run going on to return at its next quantum boundary; thread-safe and lock-free. */
    void interrupt() {
        interrupts.incrementAndGet();
    }

    long interrupts() {
        return interrupts.get();
    }

    /** One quantum, for the realtime clock; false at the clock's end, where time stops. */
    boolean tick() {
        if (now > Kernel.END_OF_TIME - k.image().quantumNanos()) {
            return false;
        }
        run();
        return true;
    }

    /**
     * Passes whole balancing periods at once while the cluster rests: it has been idle (no process,
     * no signal on its way) for {@code restAfter} periods, and still is, with no gossip on its way
     * and no kernel work owed. Quanta would change nothing then but the load indexes, which fall as
     * over idle periods, and such periods end without gossip or policy, so the jump leaves the
     * cluster as quantum by quantum would, at the last period end up to where they would stop
     * before {@code target}: the trace is the same however time is advanced. Returns false if the
     * cluster does not rest or no period ends before the target.
     */
    private boolean rest(long target) {
        if (periodBusy || idlePeriods < k.balancer.restAfter() || !k.processes.isEmpty() || !deliveries.isEmpty() || !k.balancer.quiet()
                || cpus.owing()) {
            return false;
        }
        long q = k.image().quantumNanos(), period = k.image().balancing().periodNanos();
        long end = now + Math.ceilDiv(target - now, q) * q; // where quantum by quantum would stop
        long periods, landing;
        if (q > period) { // every quantum ends a period
            periods = (end - now) / q;
            landing = end;
        } else { // each multiple of the period ends one, in the quantum that holds it
            periods = Math.floorDiv(end, period) - Math.floorDiv(now, period);
            landing = now + Math.ceilDiv(Math.floorDiv(end, period) * period - now, q) * q;
        }
        if (periods == 0) {
            return false;
        }
        quanta += (landing - now) / q;
        idlePeriods += periods;
        k.balancer.rest(periods);
        now = landing;
        k.cruises.givenUntil(landing);
        return true;
    }

    /** One quantum, its phases in order. */
    private void run() {
        long t0 = now;
        long t1 = t0 + k.image().quantumNanos();
        periodBusy |= !k.processes.isEmpty() || !deliveries.isEmpty();
        cpus.startQuantum(k.image().nodes()); // the kernel's work of the last quantum is taken from this one
        roundEnd = t1;
        for (Proc p : List.copyOf(k.processes.sliced)) {
            if (p.move != null) {
                try {
                    k.migrations.advance(p, roundEnd);
                } catch (RuntimeException e) {
                    k.faults.fault(p, e, t0);
                }
            }
        }
        List<Task> due = new ArrayList<>();
        for (Proc p : k.processes.sliced) {
            if (p.alive() && !p.stopped && p.move == null && p.frozen == null && p.readyAt < t1) {
                join(p, t0);
                due.add(p);
            }
            if (p.alive() && p.deputy.busy() && p.deputyTask.readyAt < t1) {
                due.add(p.deputyTask);
            }
        }
        for (Delivery d : List.copyOf(deliveries)) {
            if (d.readyAt < t1) {
                deliveries.remove(d);
                due.add(d);
            }
        }
        k.cruises.cruise(t0, t1, due);
        List<Task> batch = new ArrayList<>(due.size());
        for (Task t : due) {
            schedule(t, Math.max(t0, t.readyAt), t1, batch);
        }
        try {
            rounds(batch);
        } finally {
            roundNext = null;
        }
        now = t1;
        k.launcher.checkpointsDue(t1);
        k.clusters.quantumEnd();
        k.queue.dispatch();
        k.freezing.marks(t1);
        if (t1 % k.image().heapGuard().checkNanos() < k.image().quantumNanos()) {
            k.faults.guardHeaps(t1);
        }
        quanta++;
        if (k.balancer.endQuantum(t1, !periodBusy && idlePeriods >= k.balancer.restAfter())) {
            k.clusters.periodEnd(); // before the period's samples: they show the cluster as the owners' rules leave it
            k.trace.period(t1);
        }
        if (k.balancer.periodEnds(t1)) {
            idlePeriods = periodBusy ? 0 : idlePeriods + 1;
            periodBusy = false;
        }
    }

    /**
     * Rounds: runs the batch's slices (in parallel: each ends on its own), then carries out what they
     * led to in virtual-time order. An event later than the earliest start of the next round waits:
     * that round could still make something happen before it (SimGrid's rule), so every effect of
     * one process on another (a file written, a child spawned) happens in virtual-time order.
     */
    private void rounds(List<Task> batch) {
        EventQueue<Task> waiting = new EventQueue<>(); // by event time, then in pid order
        while (!batch.isEmpty() || !waiting.isEmpty()) {
            k.slices.run(batch);
            k.trace.emitOutputs(batch);
            for (Task t : batch) {
                t.eventAt = eventTime(t);
                waiting.add(t, t.eventAt, t.pidRank());
            }
            List<Task> next = new ArrayList<>();
            roundNext = next;
            long horizon = Long.MAX_VALUE;
            int scanned = 0; // next's elements already in the horizon
            Task lastScanned = null; // the last of them, to tell when one left
            // In event order; once one event is past the horizon, so are all after it: they wait for the next round.
            while (!waiting.isEmpty() && waiting.firstTime() <= horizon) {
                Task t = waiting.poll();
                assert t.eventAt == eventTime(t) : "a waiting task's event time stayed put";
                try {
                    switch (t) {
                        case Proc p -> {
                            Yield y = p.yielded;
                            p.yielded = null;
                            k.dispatcher.handle(p, y);
                        }
                        case DeputyTask d -> k.dispatcher.serve(d);
                        case Delivery d -> k.ipc.deliver(d.target, d.readyAt);
                    }
                } catch (RuntimeException e) { // a bug of the kernel's, met while serving one process: it ends that process only
                    k.faults.fault(Faults.owner(t), e, t.eventAt);
                }
                if (scanned > next.size() || scanned > 0 && next.get(scanned - 1) != lastScanned) {
                    scanned = 0; // something left next (a process exited): take its minimum afresh
                    horizon = Long.MAX_VALUE;
                }
                for (; scanned < next.size(); scanned++) { // what it led to may happen as soon as that
                    horizon = Math.min(horizon, next.get(scanned).readyAt);
                }
                lastScanned = scanned > 0 ? next.get(scanned - 1) : null;
                assert horizon == next.stream().mapToLong(n -> n.readyAt).min().orElse(Long.MAX_VALUE) : "the horizon kept up";
            }
            Task.sortByPid(next);
            batch = next;
        }
    }

    /** The end of the quantum being run. */
    long roundEnd() {
        return roundEnd;
    }

    /** Counts a process among those sharing its node's CPUs in the quantum from {@code t0}, once. */
    void join(Proc p, long t0) {
        if (p.joined != t0) {
            p.joined = t0;
            cpus.join(p.where, 1);
        }
    }

    /** When a task's event happens: a process's yield, a deputy's end of service. */
    private static long eventTime(Task t) {
        return t instanceof Proc p ? p.timeAt(p.yielded.work()) : t.readyAt;
    }

    /**
     * Puts a task in the batch if it has something to do before the end of the quantum: a process
     * gets a slice from {@code start} (if that buys any work), a deputy finishes its call.
     */
    private void schedule(Task task, long start, long t1, List<Task> batch) {
        task.readyAt = start;
        if (start >= t1 || frozen(task)) {
            return; // a frozen process runs from then, or from the end of its migration if later
        }
        if (task instanceof Proc p) {
            if (p.stopped || p.frozen != null) {
                return; // SIGSTOP: it runs again from SIGCONT; frozen to disk: once continued
            }
            p.state = ProcessState.RUNNING;
            double share = cpus.share(p.where);
            long until = Math.min(t1, p.ipc.signalDue()); // a signal on its way: the slice ends when it arrives
            long budget = budget(p.where, share, until - start);
            if (budget < 1 && until < t1 && share > 0) {
                budget = 1;
            } else if (budget < 1) {
                p.readyAt = t1; // too little time left in this quantum
                return;
            }
            p.sliceStart = start;
            p.sliceBudget = budget;
            p.nanosPerUnit = cpu.nanosPerUnit(k.nodes.spec(p.where).speed(), share);
        }
        batch.add(task);
    }

    /** The work a process holding {@code share} of a CPU of {@code node} does in {@code nanos}. */
    long budget(int node, double share, long nanos) {
        return share <= 0 ? 0 : cpu.budget(k.nodes.spec(node).speed(), share, nanos);
    }

    /** Continues a process that was counted in this quantum at {@code t}, with the answer to its call. */
    void resume(Proc p, Object answer, long t) {
        p.answer = answer;
        if (roundNext == null) {
            p.readyAt = t;
        } else {
            schedule(p, t, roundEnd, roundNext);
        }
    }

    /** Makes a task that was not counted in this quantum runnable from {@code t}. */
    void wake(Task task, long t) {
        if (roundNext != null && t < roundEnd && !frozen(task)) {
            if (task instanceof Proc p) {
                join(p, roundEnd - k.image().quantumNanos());
            }
            schedule(task, t, roundEnd, roundNext);
        } else {
            task.readyAt = t;
        }
    }

    /** Wakes a process at {@code t} with the answer to its call. */
    void wake(Proc p, Object answer, long t) {
        p.answer = answer;
        p.state = ProcessState.SLEEPING; // until its slice starts
        wake((Task) p, t);
    }

    /**
     * Answers a process blocked in a call at {@code at}: from its home if its deputy made the call
     * (the answer travels to it), else where it is. A later answer (a sooner message, a signal)
     * replaces this one until it runs.
     */
    void answerBlocked(Proc q, Object answer, long at) {
        drop(q);
        if (q.answerViaDeputy) {
            at = ssi.migration.Deputy.replyAt(answer, at, k.clusters.rules.link(k.image().link(), q.where, q.home));
        }
        q.state = ProcessState.SLEEPING;
        wake(q, answer, at);
    }

    /** Takes a task out of the next round, if it is there; whether it was. */
    boolean drop(Task t) {
        return roundNext != null && roundNext.remove(t);
    }

    /** Signals reach {@code q} at {@code at}: an event now if it falls in this quantum, else in a later one. */
    void deliverAt(Proc q, long at) {
        k.cruises.uncruise(q); // the signals need it as it is
        Delivery d = new Delivery(q, at);
        if (roundNext != null && at < roundEnd) {
            roundNext.add(d);
            if (roundNext.remove(q)) { // its slice must now end when the signal arrives
                schedule(q, q.readyAt, roundEnd, roundNext);
            }
        } else {
            deliveries.add(d);
        }
    }

    /** SIGSTOP and SIGCONT: a stopped process gets no CPU; continued, it goes on from where it was. */
    void stop(Proc q, boolean stop, long t) {
        if (stop) {
            q.stopped = true;
            drop(q);
        } else if (q.stopped) {
            q.stopped = false;
            if (q.readyAt != Long.MAX_VALUE) {
                wake(q, Math.max(t, q.readyAt));
            }
        }
    }

    private static boolean frozen(Task task) {
        return task instanceof Proc p && p.move != null;
    }
}
