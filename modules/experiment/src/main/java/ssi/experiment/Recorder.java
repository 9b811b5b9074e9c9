package ssi.experiment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import ssi.api.ClusterInfo;
import ssi.api.Migration;
import ssi.api.NodeInfo;
import ssi.api.ProcessInfo;
import ssi.api.ProcessState;
import ssi.kernel.Kernel;
import ssi.kernel.KernelListener;

/** Records a kernel's run as it goes: it samples the nodes at each balancing period and hears every migration and exit. */
final class Recorder implements KernelListener {
    private final Kernel kernel;
    private final List<Trace.NodeSample> nodes = new ArrayList<>();
    private final List<Trace.ClusterSample> clusters = new ArrayList<>(); // several clusters only
    private final List<Trace.MigrationRow> migrations = new ArrayList<>();
    private final Map<Integer, Trace.ProcessRow> processes = new TreeMap<>();
    private long lastSample = -1;

    Recorder(Kernel kernel) {
        this.kernel = kernel;
    }

    @Override
    public void period(long time) {
        sample(time);
    }

    @Override
    public void migrated(Migration m) {
        String command = kernel.process(m.pid()).map(ProcessInfo::command).orElse("?");
        migrations.add(new Trace.MigrationRow(seconds(m.requested()), seconds(m.ended()), m.pid(), command, m.from(), m.to(),
                m.reason().label(), m.frozen() / 1e6, m.negotiation() / 1e6, m.transfer() / 1e6, m.pages(), m.bytes(), m.outcome()));
    }

    @Override
    public void exited(ProcessInfo p, int status, long time) {
        processes.put(p.pid(), row(p, "Z", status, seconds(time)));
    }

    /** Samples every node, and every process still in the table, at {@code time} (once per instant). */
    void sample(long time) {
        if (time == lastSample) {
            return;
        }
        lastSample = time;
        List<NodeInfo> now = kernel.nodes();
        for (NodeInfo n : now) {
            nodes.add(new Trace.NodeSample(seconds(time), n.spec().id(), n.spec().name(), n.spec().speed(), n.spec().cpus(),
                    round(n.load()), round(n.loadIndex()), n.processes(), n.deputies(), n.served()));
        }
        List<ClusterInfo> groups = kernel.clusters();
        for (ClusterInfo c : groups.size() > 1 ? groups : List.<ClusterInfo>of()) {
            double load = c.nodes().stream().mapToDouble(id -> now.get(id - 1).loadIndex()).average().orElse(0);
            int processes = c.nodes().stream().mapToInt(id -> now.get(id - 1).processes()).sum();
            clusters.add(new Trace.ClusterSample(seconds(time), c.name(), round(load), processes, c.guests(), c.away()));
        }
        for (ProcessInfo p : kernel.ps()) {
            Trace.ProcessRow known = processes.get(p.pid());
            boolean ended = p.state() == ProcessState.ZOMBIE;
            processes.put(p.pid(), row(p, p.state().letter(), ended ? kernel.exitStatus(p.pid()).orElse(-1) : -1,
                    ended ? known != null && known.ended() >= 0 ? known.ended() : seconds(time) : -1));
        }
    }

    /** Whether any process is still alive (not ended). */
    boolean anyAlive() {
        return kernel.ps().stream().anyMatch(p -> p.state() != ProcessState.ZOMBIE);
    }

    /** Each cluster at each sample (an image of several clusters only). */
    List<Trace.ClusterSample> clusters() {
        return List.copyOf(clusters);
    }

    Trace trace() {
        return new Trace(List.copyOf(nodes), List.copyOf(migrations), List.copyOf(processes.values()));
    }

    private static Trace.ProcessRow row(ProcessInfo p, String state, int status, double ended) {
        return new Trace.ProcessRow(p.pid(), p.ppid(), p.command(), p.home(), p.where(), state, status, ended,
                round(p.cpuSeconds()), p.work(), p.nmigs(), p.forwarded());
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    /** Four decimals: what a reader compares, and the same text on every machine. */
    private static double round(double x) {
        return Math.round(x * 1e4) / 1e4;
    }
}
