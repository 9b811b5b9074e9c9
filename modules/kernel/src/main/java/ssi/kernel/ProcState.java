package ssi.kernel;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import ssi.api.ClusterInfo;
import ssi.api.Job;
import ssi.api.Migration;
import ssi.api.NodeInfo;
import ssi.api.ProcessInfo;
import ssi.api.ProcessView;
import ssi.procfs.ProcFs;
import ssi.procfs.ProcSource;

/**
 * The cluster as /proc shows it and acts on it, through the kernel's own calls. Called with the
 * kernel's lock held (a guest's file call, carried out by the kernel, or the shell's).
 */
final class ProcState implements ProcSource {
    private final Kernel kernel;

    ProcState(Kernel kernel) {
        this.kernel = kernel;
    }

    @Override
    public List<NodeInfo> nodes() {
        return kernel.nodes();
    }

    @Override
    public boolean up(int node) {
        return kernel.up(node);
    }

    @Override
    public List<Integer> pids() {
        return kernel.processes.all().stream().filter(Proc::alive).map(p -> p.pid).toList();
    }

    @Override
    public Optional<ProcessInfo> process(int pid) {
        return kernel.process(pid);
    }

    @Override
    public Optional<ProcessView> usage(int pid) {
        Proc p = kernel.processes.get(pid);
        return p == null || !p.alive() ? Optional.empty() : Optional.of(p.view(kernel.now()));
    }

    @Override
    public List<Migration> migrations(int pid) {
        return kernel.migrations().stream().filter(m -> m.pid() == pid).toList();
    }

    @Override
    public int standsOn(int reader) {
        Proc p = kernel.processes.get(reader);
        return p == null ? 1 : p.where;
    }

    @Override
    public Map<String, String> admin(int node) {
        try {
            return kernel.admin(node);
        } catch (KernelException e) {
            throw new IllegalArgumentException(e.getMessage());
        }
    }

    @Override
    public void admin(int node, String name, String value) {
        try {
            switch (name) {
                case "slow-decay", "fast-decay" -> {
                    Map<String, String> now = kernel.admin(node);
                    kernel.setDecay(node, thousandths(name, name.equals("slow-decay") ? value : now.get("slow-decay")),
                            thousandths(name, name.equals("fast-decay") ? value : now.get("fast-decay")));
                }
                case "speed" -> kernel.setSpeed(node, speed(value));
                case "max-processes" -> kernel.setMaxProcesses(count(value));
                case "red-mark", "blue-mark" -> {
                    Map<String, String> now = kernel.admin(node);
                    kernel.setMarks(node, mark(name, name.equals("red-mark") ? value : now.get("red-mark")),
                            mark(name, name.equals("blue-mark") ? value : now.get("blue-mark")));
                }
                default -> kernel.setAdmin(node, name, ProcFs.flag(value));
            }
        } catch (KernelException e) {
            throw new IllegalArgumentException(e.getMessage());
        }
    }

    private static int thousandths(String name, String value) {
        if (!value.matches("\\d{1,4}")) {
            throw new IllegalArgumentException(name + " wants a whole number of thousandths kept each period, 0-1000, got '" + value + "'");
        }
        return Integer.parseInt(value);
    }

    private static double mark(String name, String value) {
        if (!value.matches("\\d{1,7}(\\.\\d{1,6})?") || !Image.MARK.holds(Double.parseDouble(value))) {
            throw new IllegalArgumentException(name + " wants a load " + Image.MARK.describe() + " (0: off), got '" + value + "'");
        }
        return Double.parseDouble(value);
    }

    private static int count(String value) {
        if (!value.matches("\\d{1,9}")) {
            throw new IllegalArgumentException("the process limit is a whole number of processes per user " + Image.PROCESSES.describe()
                    + ", got '" + value + "'");
        }
        return Integer.parseInt(value);
    }

    private static double speed(String value) {
        if (!value.matches("\\d+(\\.\\d+)?") || !Image.SPEED.holds(Double.parseDouble(value))) {
            throw new IllegalArgumentException("a speed must be a number " + Image.SPEED.describe() + " (1.0 is the standard processor), got '" + value + "'");
        }
        return Double.parseDouble(value);
    }

    @Override
    public void migrate(int pid, String target) {
        try {
            kernel.migrate(pid, target);
        } catch (KernelException e) {
            throw new IllegalArgumentException(e.getMessage());
        }
    }

    @Override
    public List<Job> jobs() {
        return kernel.jobs();
    }

    @Override
    public List<ClusterInfo> clusters() {
        return kernel.clusters();
    }

    @Override
    public void connect(String cluster, boolean on, int from) {
        try {
            if (on) {
                kernel.connect(cluster);
            } else {
                kernel.disconnect(cluster, from);
            }
        } catch (KernelException e) {
            throw new IllegalArgumentException(e.getMessage());
        }
    }

    @Override
    public void priority(String cluster, String other, String value) {
        try {
            kernel.setPriority(cluster, other, value);
        } catch (KernelException e) {
            throw new IllegalArgumentException(e.getMessage());
        }
    }

    @Override
    public boolean mayAlter(int reader, int pid) {
        Proc p = kernel.processes.get(reader), q = kernel.processes.get(pid);
        return reader == 0 || p != null && q != null && p.mayAlter(q);
    }

    @Override
    public void lock(int pid, boolean locked) {
        kernel.processes.get(pid).locked = locked;
    }
}
