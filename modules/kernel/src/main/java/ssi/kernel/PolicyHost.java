package ssi.kernel;

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

    private final Policies policies;
    private int nodes;
    private ExecutorService runner = newRunner();
    private Choice current = new Choice(Policies.NONE, Map.of());
    private Choice previous = current;
    private Policy[] instances; // by node id; null for none

    PolicyHost(Policies policies, int nodes) {
        this.policies = policies;
        this.nodes = nodes;
    }

    private static ExecutorService newRunner() {
        return Executors.newSingleThreadExecutor(r -> Thread.ofPlatform().daemon().name("ssi-policy").unstarted(r));
    }

    /** Switches to a policy, created afresh for every node; the one in use stays if this fails. */
    void use(String name, Map<String, String> settings) throws KernelException {
        Policy[] created = null;
        if (!name.equals(Policies.NONE)) {
            var provider = policies.provider(name);
            created = new Policy[nodes + 1];
            for (int n = 1; n <= nodes; n++) {
                try {
                    created[n] = provider.create(settings);
                } catch (PolicyException e) {
                    throw new KernelException(e.getMessage());
                } catch (RuntimeException e) {
                    throw new KernelException("policy '" + name + "' failed to start: " + e);
                }
                if (created[n] == null) {
                    throw new KernelException("policy '" + name + "' created no policy");
                }
            }
        } else if (!settings.isEmpty()) {
            throw new KernelException("policy 'none' takes no settings");
        }
        previous = current;
        current = new Choice(name, Map.copyOf(settings));
        instances = created;
    }

    String describe() {
        return current.describe();
    }

    /** A node joined: it gets its own instance of the policy in use. */
    void addNode() throws KernelException {
        nodes++;
        if (instances != null) {
            Policy[] grown = java.util.Arrays.copyOf(instances, nodes + 1);
            try {
                grown[nodes] = policies.provider(current.name()).create(current.settings());
            } catch (PolicyException | RuntimeException e) {
                throw new KernelException("policy '" + current.name() + "' failed to start on the new node: " + e.getMessage());
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
        OptionalInt where = call(node, report, "place", () -> instances[node].place(view, process));
        return where == null ? OptionalInt.empty() : where;
    }

    /** The node's proposals for this period: ushering first, then balancing. */
    List<Proposal> propose(int node, ClusterView view, Reporter report) {
        if (instances == null) {
            return List.of();
        }
        List<Proposal> all = new ArrayList<>();
        for (String what : List.of("usher", "balance")) {
            List<Proposal> some = call(node, report, what,
                    () -> what.equals("usher") ? instances[node].usher(view) : instances[node].balance(view));
            if (some == null) {
                return List.of();
            }
            all.addAll(some);
        }
        return all;
    }

    interface Reporter {
        void report(String text);
    }

    /** Calls the policy; on failure reports it, falls back to the previous policy and returns null. */
    private <T> T call(int node, Reporter report, String what, Callable<T> body) {
        Future<T> f = runner.submit(body);
        String failure;
        try {
            T answer = f.get(TIME_LIMIT_MS, TimeUnit.MILLISECONDS);
            if (answer != null) {
                return answer;
            }
            failure = "returned null";
        } catch (TimeoutException e) {
            f.cancel(true);
            runner.shutdownNow(); // its thread may never come back: give up on it
            runner = newRunner();
            failure = "took more than " + TIME_LIMIT_MS + " ms of host time";
        } catch (ExecutionException e) {
            failure = "threw " + e.getCause();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failure = "was interrupted";
        }
        fail(node, what, failure, report);
        return null;
    }

    /** The policy misbehaved (an exception, nonsense): report it and go back to the previous one. */
    void fail(int node, String what, String failure, Reporter report) {
        Choice broken = current;
        Choice back = previous.equals(broken) ? new Choice(Policies.NONE, Map.of()) : previous;
        try {
            use(back.name(), back.settings());
        } catch (KernelException e) {
            instances = null;
            current = new Choice(Policies.NONE, Map.of());
        }
        previous = current;
        report.report("policy " + broken.name() + " at node " + node + ": " + what + " " + failure + "; back to " + current.describe());
    }

    @Override
    public void close() {
        runner.shutdownNow();
    }
}
