package ssi.kernel;

import java.util.Collection;
import ssi.api.Link;
import ssi.api.MigrationReason;
import ssi.api.NodeSpec;
import ssi.api.PolicyException;
import ssi.scheduler.Balancer;

/** The kernel as the balancer sees it: processes, nodes, their switches, and the costs a policy weighs. */
final class BalancerPort implements Balancer.Cluster<Proc> {
    private final Kernel k;

    private BalancerPort(Kernel k) {
        this.k = k;
    }

    /** Balancing of the kernel's nodes by the image's rules and policy, through this port; refused if the policy cannot start. */
    static Balancer<Proc> connect(Kernel k, Policies policies) throws KernelException {
        Image image = k.image();
        Image.Balancing b = image.balancing();
        try {
            return new Balancer<>(image.nodes(), new Balancer.Rules(b.policy(), b.settings(), b.periodNanos(), image.quantumNanos(),
                    b.window(), b.minResidenceNanos(), image.link()), k.seed(), policies.plugins(), new BalancerPort(k));
        } catch (PolicyException e) {
            throw new KernelException(e.getMessage());
        }
    }

    @Override
    public NodeSpec spec(int node) {
        return k.nodes.spec(node);
    }

    @Override
    public double decay(int node, boolean slow) {
        return k.nodes.admin.decay(node, slow);
    }

    @Override
    public boolean admin(int node, String name) {
        return k.nodes.admin.is(node, name);
    }

    @Override
    public Collection<Proc> sliced() {
        return k.processes.sliced;
    }

    @Override
    public void sample(Proc p) {
        if (p.cruising) {
            k.cruises.sample(p);
        }
    }

    @Override
    public Proc process(int pid) {
        return k.processes.get(pid);
    }

    @Override
    public int[] runQueues() {
        return k.processes.runQueues();
    }

    @Override
    public long freeMemory(int node) {
        return k.nodes.freeMemory(node);
    }

    @Override
    public Collection<Proc> processesAt(int node) {
        assert k.nodes.at(node).equals(k.processes.all().stream().filter(p -> p.alive() && p.frozen == null && p.where == node).toList())
                : "node " + node + "'s processes are indexed as they come and go";
        return k.nodes.at(node);
    }

    @Override
    public long[] freeMemories() {
        long[] free = new long[k.nodes.count() + 1];
        for (int n = 1; n < free.length; n++) {
            free[n] = k.nodes.freeMemory(n);
        }
        return free;
    }

    @Override
    public String move(Proc p, int to, long t) {
        return k.migrations.start(p, to, MigrationReason.POLICY, t, false, null);
    }

    @Override
    public long migrationNanos(long dirtyBytes) {
        return k.migrations.frozenNanos(dirtyBytes);
    }

    @Override
    public long forwardNanos(int home) {
        Image image = k.image();
        double deputy = image.deputyWork() / (image.workRate() * k.nodes.spec(home).speed()) * 1e9;
        return 2 * image.link().messageNanos(Link.CONTROL_BYTES) + Math.round(deputy);
    }

    @Override
    public boolean several() {
        return k.clusters.rules.several();
    }

    @Override
    public int cluster(int node) {
        return k.clusters.rules.of(node) + 1;
    }

    @Override
    public int priority(int home, int node) {
        return k.clusters.rules.priority(home, node);
    }

    @Override
    public boolean reaches(int from, int to) {
        return k.clusters.rules.reaches(from, to);
    }

    @Override
    public Link link(int from, int to) {
        return k.clusters.rules.link(k.image().link(), from, to);
    }

    @Override
    public void log(long t, String event) {
        k.trace.log(t, event);
    }

    @Override
    public void notice(long t, String text) {
        k.trace.notice(t, text);
    }
}
