package ssi.shell;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import ssi.kernel.Image;
import ssi.kernel.ImageGenerator;
import ssi.synthetic.Workload;
import ssi.synthetic.Workload.Distribution;

/** The shell's commands for studies larger than guest code allows: synthetic processes and generated images. */
final class Studies {
    private Studies() {}

    @Command(name = "synth", description = {"Start synthetic processes: a demand model instead of guest code, run by the same",
            "scheduler, deputies, migration and policies. Figures are drawn per process from a distribution:",
            "a number, exp:MEAN or uniform:LOW:HIGH. With --trace, one process per row of a CSV file",
            "(node,seconds,memory_mb,calls_per_second,call_bytes,dirty_mb_per_second)."})
    static final class Synth implements Callable<Integer> {
        /** The most processes one command starts (ten times the largest study of bench); more would only exhaust the host's heap. */
        private static final int MOST = 1_000_000;

        private final Shell shell;

        @Parameters(arity = "0..1", paramLabel = "COUNT", description = "how many to start, 1 to 1,000,000 (not with --trace)")
        Integer count;

        @Option(names = "--seconds", paramLabel = "DIST", description = "CPU seconds of work on the standard processor (default exp:30)")
        String seconds = "exp:30";

        @Option(names = "--mem", paramLabel = "DIST", description = "MB of memory, allocated and written at the start (default uniform:1:32)")
        String memory = "uniform:1:32";

        @Option(names = "--calls", paramLabel = "DIST", description = "calls home (I/O, IPC) per CPU second (default 0)")
        String calls = "0";

        @Option(names = "--call-bytes", paramLabel = "N", description = "bytes each call carries (default 256)")
        int callBytes = 256;

        @Option(names = "--dirty", paramLabel = "DIST", description = "MB of its memory written per CPU second (default 0)")
        String dirty = "0";

        @Option(names = "--spread", description = "each at a node drawn at random (its home); else all at the shell's node")
        boolean spread;

        @Option(names = "--seed", paramLabel = "N", description = "the draws' seed (default: the run's)")
        Long seed;

        @Option(names = "--trace", paramLabel = "FILE", description = "read the processes from a demand trace")
        Path trace;

        Synth(Shell shell) {
            this.shell = shell;
        }

        @Override
        public Integer call() throws Exception {
            long workRate = Math.round(shell.kernel().image().workRate());
            List<Workload.Start> starts;
            if (trace != null) {
                starts = Workload.read(trace, workRate);
            } else if (count == null || count < 1 || count > MOST) {
                throw new IllegalArgumentException("want synth COUNT [options] (1 to 1,000,000 processes) or synth --trace FILE"
                        + (count == null ? "" : ", got " + count));
            } else {
                int nodes = shell.kernel().nodes().size();
                int[] homes = spread ? IntStream.rangeClosed(1, nodes).toArray() : new int[] {shell.node()};
                starts = Workload.draw(new Workload.Model(Distribution.parse(seconds), Distribution.parse(memory), Distribution.parse(calls),
                        callBytes, Distribution.parse(dirty)), count, homes, workRate, seed != null ? seed : shell.kernel().seed());
            }
            for (Workload.Start s : starts) { // all or nothing: check every home before starting any
                shell.kernel().image().requireNode(s.node());
            }
            int first = -1, last = -1;
            for (Workload.Start s : starts) {
                last = shell.kernel().spawnSynthetic(s.node(), s.demand());
                first = first < 0 ? last : first;
            }
            shell.out().println(starts.size() + " synthetic processes" + (starts.isEmpty() ? "" : ", pids " + first + "-" + last));
            return 0;
        }
    }

    @Command(name = "image", description = {"image generate: write the image of a generated cluster, its nodes drawn from",
            "distributions (a number, exp:MEAN or uniform:LOW:HIGH), with this image's programs and settings.",
            "Start it with ./ssi --image DIR."})
    static final class ImageCommand implements Callable<Integer> {
        private final Shell shell;

        @Parameters(index = "0", paramLabel = "generate")
        String action;

        @Option(names = "--nodes", required = true, paramLabel = "N")
        int nodes;

        @Option(names = "--speeds", paramLabel = "DIST", description = "speeds, 1.0 the standard processor (default uniform:1:3)")
        String speeds = "uniform:1:3";

        @Option(names = "--cpus", paramLabel = "DIST", description = "CPUs per node (default 1)")
        String cpus = "1";

        @Option(names = "--mem", paramLabel = "DIST", description = "memory per node in MB (default uniform:512:4096)")
        String memory = "uniform:512:4096";

        @Option(names = "--policy", paramLabel = "NAME", description = "the policy at boot (default mosix)")
        String policy = "mosix";

        @Option(names = "--quantum-ms", paramLabel = "MS", description = "the clock's quantum (default: this image's)")
        Double quantumMs;

        @Option(names = "--seed", paramLabel = "N", description = "the draws' seed, and the image's (default 1)")
        long seed = 1;

        @Option(names = "--out", required = true, paramLabel = "DIR")
        Path out;

        ImageCommand(Shell shell) {
            this.shell = shell;
        }

        @Override
        public Integer call() throws Exception {
            if (!action.equals("generate")) {
                throw new IllegalArgumentException("want image generate --nodes N ... --out DIR, got '" + action + "'");
            }
            if (out.getFileName() == null) { // the host's root: no name for the image, and no place for it
                throw new IllegalArgumentException("--out wants a directory for the image, named as the image will be, got " + out);
            }
            Image from = shell.kernel().image();
            Image made = ImageGenerator.write(new ImageGenerator.Spec(out.getFileName().toString(), nodes, Distribution.parse(speeds),
                    Distribution.parse(cpus), Distribution.parse(memory), seed, policy,
                    quantumMs != null ? quantumMs : from.quantumNanos() / 1e6, from), out);
            shell.out().println("image " + made.name() + ": " + made.nodes().size() + " nodes -> " + out + " (./ssi --image " + out + ")");
            return 0;
        }
    }
}
