package ssi.kernel;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import ssi.guest.Yield;

/**
 * Runs a round's slices: guests' on host threads in parallel (each ends on its own budget or
 * system call, so the order does not matter), synthetic processes' on the kernel's thread. Each
 * process's yield is left in its {@code yielded}.
 */
final class Slices implements AutoCloseable {
    private final ExecutorService workers;
    long synthetic; // slices of synthetic processes run so far (cruising saves most)

    Slices() {
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        this.workers = Executors.newFixedThreadPool(threads, r -> Thread.ofPlatform().daemon().name("ssi-slice").unstarted(r));
    }

    void run(List<Task> batch) {
        List<Proc> guests = new ArrayList<>();
        boolean synthetics = false;
        for (Task t : batch) {
            if (t instanceof Proc p && p.guest.threaded()) {
                guests.add(p);
            } else if (t instanceof Proc p) {
                runSlice(p, takeAnswer(p)); // a synthetic slice: a few steps on this thread
                synthetic++;
                synthetics = true;
            }
        }
        if (guests.size() == 1 && !synthetics) { // nothing to overlap: run it from this thread, saving two thread hand-offs
            Proc p = guests.getFirst();
            runSlice(p, takeAnswer(p));
            return;
        }
        Map<Proc, Future<Yield>> futures = new HashMap<>();
        for (Proc p : guests) {
            Object answer = takeAnswer(p);
            futures.put(p, workers.submit(() -> p.guest.resume(p.sliceBudget, answer)));
        }
        for (Map.Entry<Proc, Future<Yield>> f : futures.entrySet()) {
            try {
                f.getKey().yielded = f.getValue().get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            } catch (ExecutionException e) {
                failed(f.getKey(), e.getCause());
            }
        }
    }

    /** Runs one slice of a process on this thread; a failure ends only that process (see {@link Dispatcher#handle}). */
    private static void runSlice(Proc p, Object answer) {
        try {
            p.yielded = p.guest.resume(p.sliceBudget, answer);
        } catch (RuntimeException e) {
            failed(p, e);
        }
    }

    /** A slice that failed in the kernel's code: the process ends with an internal error when its slice's event comes. */
    private static void failed(Proc p, Throwable e) {
        p.failed = e;
        p.yielded = new Yield.BudgetSpent(0, false); // its event: the slice's start
    }

    /** The answer a process resumes with; signals it caught come with the answer to its system call. */
    private static Object takeAnswer(Proc p) {
        Object answer = p.answer;
        p.answer = null;
        p.answerViaDeputy = false;
        answer = p.ipc.resume(answer, p.inCall);
        p.inCall = false;
        return answer;
    }

    @Override
    public void close() {
        workers.shutdownNow();
    }
}
