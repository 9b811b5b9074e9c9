package ssi.kernel;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import ssi.api.Migration;
import ssi.api.ProcessInfo;
import ssi.guest.GuestRuntime;

/** A booted test cluster that records what its processes print, how they end, and how they move. */
final class LabRun implements AutoCloseable {
    static final long S = 1_000_000_000;

    final Kernel kernel;
    final List<Output> out = new ArrayList<>();
    final Map<Integer, Long> exitTimes = new TreeMap<>();
    final Map<Integer, ProcessInfo> ended = new TreeMap<>();
    final List<Migration> moves = new ArrayList<>();

    LabRun(Image image, GuestRuntime runtime, long seed) {
        this(image, runtime, seed, Policies.discover());
    }

    LabRun(Image image, GuestRuntime runtime, long seed, Policies policies) {
        try {
            kernel = Kernel.boot(image, seed, runtime, policies);
        } catch (KernelException e) {
            throw new AssertionError(e);
        }
        kernel.addListener(new KernelListener() {
            @Override
            public void output(Output o) {
                out.add(o);
            }

            @Override
            public void exited(ProcessInfo p, int status, long time) {
                exitTimes.put(p.pid(), time);
                ended.put(p.pid(), p);
            }

            @Override
            public void migrated(Migration m) {
                moves.add(m);
            }
        });
    }

    String text(int pid) {
        StringBuilder b = new StringBuilder();
        out.stream().filter(o -> o.pid() == pid).forEach(o -> b.append(o.text()));
        return b.toString();
    }

    int finish(int pid) {
        int status = kernel.runUntilExit(pid, 60 * S).orElseThrow(() -> new AssertionError("process " + pid + " did not end"));
        if (status != 0) {
            System.err.println("process " + pid + " exited with " + status + ": " + text(pid));
        }
        return status;
    }

    ProcessInfo info(int pid) {
        return kernel.process(pid).orElseThrow(() -> new AssertionError("no process " + pid));
    }

    @Override
    public void close() {
        kernel.close();
    }
}
