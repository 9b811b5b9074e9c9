package ssi.scheduler;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import ssi.api.ClusterView;
import ssi.api.Policy;
import ssi.api.PolicyException;
import ssi.api.ProcessView;
import ssi.api.Proposal;

/**
 * Runs the cluster's policy: one instance per node (each sees only its node's view), every call
 * guarded. A plugin that throws, answers nonsense or runs too long is reported and replaced by
 * the policy that was in use before it, so that the cluster goes on.
 */
final class PolicyHost implements AutoCloseable {
    /** Host time a policy may take for one decision before it is declared stuck. */
    static final long TIME_LIMIT_MS = 2000;

    private record Choice(String name, Map<String, String> settings) {
        String describe() {
            return settings.isEmpty() ? name : name + " " + settings;
        }
    }

    private final Plugins policies;
    private int nodes;
    private ExecutorService runner = newRunner();
    private Choice current = new Choice(Plugins.NONE, Map.of());
    private Choice previous = current;
    private Policy[] instances; // by node id; null for none
    private int switches;

    PolicyHost(Plugins policies, int nodes) {
        this.policies = policies;
        this.nodes = nodes;
    }

    /** The policy's threads: as many as the host has cores (each node's decisions are independent). */
    private static final int THREADS = Math.max(1, Runtime.getRuntime().availableProcessors());

    private static ExecutorService newRunner() {
        return Executors.newFixedThreadPool(THREADS, r -> Thread.ofPlatform().daemon().name("ssi-policy").unstarted(r));
    }

    /** Switches to a policy, created afresh for every node; the one in use stays if this fails. */
    void use(String name, Map<String, String> settings) throws PolicyException {
        Policy[] created = null;
        if (!name.equals(Plugins.NONE)) {
            var provider = policies.provider(name);
            created = new Policy[nodes + 1];
            for (int n = 1; n <= nodes; n++) {
                try {
                    created[n] = provider.create(settings);
                } catch (RuntimeException e) {
                    throw new PolicyException("policy '" + name + "' failed to start" + (e.getMessage() == null ? " without saying why" : ": " + e.getMessage()));
                }
                if (created[n] == null) {
                    throw new PolicyException("policy '" + name + "' created no policy");
                }
            }
        } else if (!settings.isEmpty()) {
            throw new PolicyException("policy 'none' takes no settings");
        }
        previous = current;
        current = new Choice(name, Map.copyOf(settings));
        instances = created;
        switches++;
    }

    /** How many times the policy was switched (by a user, or after a failure): a change tells that the one asked is gone. */
    int switches() {
        return switches;
    }

    String describe() {
        return current.describe();
    }

    /** A node joined: it gets its own instance of the policy in use. */
    void addNode() throws PolicyException {
        nodes++;
        if (instances != null) {
            Policy[] grown = java.util.Arrays.copyOf(instances, nodes + 1);
            try {
                grown[nodes] = policies.provider(current.name()).create(current.settings());
            } catch (PolicyException | RuntimeException e) {
                throw new PolicyException("policy '" + current.name() + "' failed to start on the new node: " + e.getMessage());
            }
            instances = grown;
        }
    }

    String name() {
        return current.name();
    }

    boolean active() {
        return instances != null;
    }

    /** Where a new process at {@code node} should start, or empty; a failing policy is replaced. */
    OptionalInt place(int node, ClusterView view, ProcessView process, Reporter report) {
        if (instances == null) {
            return OptionalInt.empty();
        }
        Policy[] using = instances;
        List<OptionalInt> where = run(List.of(new Step<>(node, "place", () -> using[node].place(view, process))), report);
        return where.isEmpty() ? OptionalInt.empty() : where.getFirst();
    }

    /**
     * The proposals of each of {@code nodes} for this period (ushering first, then balancing), in
     * order, decided in one hand-off to the policy's threads; {@code view} builds a node's view when
     * its turn comes, on the thread that asks that node's instance. If one node's policy fails, the
     * nodes before it are answered and the previous policy is in use from then on: ask it about the
     * nodes after.
     */
    List<List<Proposal>> propose(int[] nodes, IntFunction<ClusterView> view, Reporter report) {
        if (instances == null) {
            return List.of();
        }
        Policy[] using = instances;
        List<Step<List<Proposal>>> steps = new ArrayList<>(2 * nodes.length);
        for (int n : nodes) {
            ClusterView[] built = new ClusterView[1]; // one view for both questions
            Supplier<ClusterView> v = () -> built[0] != null ? built[0] : (built[0] = view.apply(n));
            steps.add(new Step<>(n, "usher", () -> using[n].usher(v.get())));
            steps.add(new Step<>(n, "balance", () -> using[n].balance(v.get())));
        }
        List<List<Proposal>> answers = run(steps, report);
        List<List<Proposal>> out = new ArrayList<>(answers.size() / 2);
        for (int i = 0; i + 1 < answers.size(); i += 2) {
            List<Proposal> both = new ArrayList<>(answers.get(i));
            both.addAll(answers.get(i + 1));
            out.add(both);
        }
        return out;
    }

    interface Reporter {
        void report(String text);
    }

    /** One call of a node's policy. */
    private record Step<T>(int node, String what, Callable<T> body) {}

    /**
     * Runs the steps in order, in one hand-off (the hand-off costs more than a decision, and a large
     * cluster asks thousands each period), split among the policy's threads by node: each node's
     * instance is called on one thread, in order, and no instance depends on another's. Returns
     * their answers up to the first that failed: threw, answered null or took more than the time
     * limit; that one is reported and the previous policy takes over.
     */
    private <T> List<T> run(List<Step<T>> steps, Reporter report) {
        List<Batch<T>> batches = split(steps);
        List<Future<?>> futures = new ArrayList<>(batches.size());
        for (Batch<T> b : batches) {
            futures.add(runner.submit(b));
        }
        List<T> answers = new ArrayList<>(steps.size());
        for (int i = 0; i < batches.size(); i++) {
            Batch<T> batch = batches.get(i);
            Outcome outcome = await(batch, futures.get(i));
            answers.addAll(batch.answers().subList(0, outcome.answered()));
            if (outcome.failure() != null) {
                for (int j = i + 1; j < batches.size(); j++) { // no answer after a failure is taken
                    batches.get(j).cancelled = true;
                }
                for (int j = i + 1; j < batches.size(); j++) { // and none goes on reading the cluster as it changes
                    await(batches.get(j), futures.get(j));
                }
                Step<T> step = steps.get(batch.from + outcome.answered());
                fail(step.node(), step.what(), outcome.failure(), report);
                break;
            }
        }
        return answers;
    }

    /**
     * The steps in about as many runs of whole nodes as the policy has threads: one each, so that every
     * run starts at once (a run queued behind another would count its wait against the time limit).
     */
    private <T> List<Batch<T>> split(List<Step<T>> steps) {
        List<Batch<T>> batches = new ArrayList<>(THREADS);
        int from = 0;
        for (int k = THREADS; k > 0 && from < steps.size(); k--) {
            int to = from + (steps.size() - from + k - 1) / k;
            while (to < steps.size() && steps.get(to).node() == steps.get(to - 1).node()) {
                to++; // a node's steps stay on one thread
            }
            batches.add(new Batch<>(steps, from, to));
            from = to;
        }
        return batches;
    }

    /** How a batch ended: the steps it answered, and why the next one failed (null if none did). */
    private record Outcome(int answered, String failure) {}

    /** Waits for a batch to end, or gives up on it once a step has run past the time limit. */
    private Outcome await(Batch<?> batch, Future<?> f) {
        while (!f.isDone()) {
            try {
                f.get(TIME_LIMIT_MS, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                if (System.nanoTime() - batch.started > TIME_LIMIT_MS * 1_000_000) {
                    int answered = batch.done; // before the interrupt, which the stuck step may answer
                    batch.cancelled = true;
                    runner.shutdownNow(); // its thread may never come back: give up on the threads
                    runner = newRunner();
                    return new Outcome(answered, "took more than " + TIME_LIMIT_MS + " ms of host time");
                }
            } catch (ExecutionException e) {
                return new Outcome(batch.done, failed(e.getCause())); // the batch catches what its steps throw: a bug of its own
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Outcome(batch.done, "was interrupted");
            }
        }
        return new Outcome(batch.done, batch.failure);
    }

    /** Steps {@code from} to {@code to} run on one of the policy's threads; what they answered is published step by step. */
    private static final class Batch<T> implements Runnable {
        private final List<Step<T>> steps;
        final int from;
        private final int to;
        private final Object[] answers;
        volatile int done;            // steps answered
        volatile long started;        // host time the current step started
        volatile String failure;      // why the step after the last answered one failed, or null
        volatile boolean cancelled;   // the kernel gave up waiting, or takes no more answers

        Batch(List<Step<T>> steps, int from, int to) {
            this.steps = steps;
            this.from = from;
            this.to = to;
            this.answers = new Object[to - from];
            this.started = System.nanoTime();
        }

        @Override
        public void run() {
            for (int i = from; i < to && !cancelled; i++) {
                started = System.nanoTime();
                Object answer;
                try {
                    answer = steps.get(i).body().call();
                } catch (Throwable e) { // a plugin's error, whatever it is, is its own failure, not the cluster's
                    failure = failed(e);
                    return;
                }
                if (answer == null) {
                    failure = "returned null";
                    return;
                }
                answers[i - from] = answer;
                done = i - from + 1;
            }
        }

        @SuppressWarnings("unchecked")
        List<T> answers() {
            return (List<T>) java.util.Arrays.asList(answers);
        }
    }

    /** A plugin's exception as its message says it, without Java's names (the trace and the shell show it). */
    private static String failed(Throwable e) {
        return e.getMessage() == null || e.getMessage().isBlank() ? "failed without saying why" : "failed: " + e.getMessage();
    }

    /** The policy misbehaved (an exception, nonsense): report it and go back to the previous one. */
    void fail(int node, String what, String failure, Reporter report) {
        Choice broken = current;
        Choice back = previous.equals(broken) ? new Choice(Plugins.NONE, Map.of()) : previous;
        try {
            use(back.name(), back.settings());
        } catch (PolicyException e) {
            instances = null;
            current = new Choice(Plugins.NONE, Map.of());
        }
        previous = current;
        report.report("policy " + broken.name() + " at node " + node + ": " + what + " " + failure + "; back to " + current.describe());
    }

    @Override
    public void close() {
        runner.shutdownNow();
    }
}
