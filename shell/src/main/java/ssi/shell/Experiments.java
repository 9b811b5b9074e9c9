package ssi.shell;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import ssi.experiment.Comparison;
import ssi.experiment.Experiment;
import ssi.experiment.ExperimentException;
import ssi.experiment.Runner;
import ssi.experiment.Summary;
import ssi.experiment.Trace;
import ssi.kernel.Durations;
import ssi.kernel.Kernel;
import ssi.plot.Plots;

/** The shell's {@code experiment} and {@code plot} commands: scripted workloads of the image, run on a fresh kernel each. */
final class Experiments {
    private Experiments() {}

    /** A console on an experiment's kernel: a shell of its own, whose output and processes' output go to {@code out}. */
    static Runner.Console console(Kernel kernel, PrintWriter out) {
        kernel.addListener(Main.printer(out::print, out::flush));
        Shell shell = new Shell(kernel, out);
        return line -> {
            boolean ok = true;
            for (String command : Main.split(line)) {
                ok &= shell.run(Main.words(command));
            }
            return ok;
        };
    }

    @Command(name = "experiment", description = {"Run the image's experiments: scripted workloads recorded in virtual time.",
            "list: the experiments of the image (images/IMAGE/experiments/NAME.toml).",
            "run NAME: boots a fresh cluster of the image with the seed, runs the script, and writes the trace (nodes,",
            "migrations, processes as .csv and .jsonl), summary.json, output.txt and the plots (load, processes,",
            "migrations as .png and .svg) into --out. The same image, experiment, policy and seed give the same files.",
            "compare NAME: runs it under each of --policies into --out/POLICY and prints one table of their figures.",
            "sweep NAME: every policy, parameter setting and seed, on this machine or a cluster (experiment sweep --help)."},
            subcommands = Sweeps.SweepCommand.class)
    static final class ExperimentCommand implements Callable<Integer> {
        private final Shell shell;

        @Parameters(index = "0", arity = "0..1", paramLabel = "list|run|compare") // optional only so that sweep can be a subcommand
        String action;

        @Parameters(index = "1", arity = "0..1", paramLabel = "NAME")
        String name;

        @Option(names = "--seed", paramLabel = "N", description = "the run's seed (default: the image's)")
        Long seed;

        @Option(names = "--policy", paramLabel = "NAME", description = "run: the policy (default: the image's)")
        String policy;

        @Option(names = "--policies", paramLabel = "A,B", split = ",", description = "compare: the policies (default: mosix,opportunity-cost)")
        List<String> policies = List.of("mosix", "opportunity-cost");

        @Option(names = "--until", paramLabel = "DURATION", description = "stop at this virtual time if the experiment is longer")
        String until;

        @Option(names = "--out", paramLabel = "DIR", description = "where the files go (default: runs/NAME-POLICY-sSEED)")
        Path out;

        ExperimentCommand(Shell shell) {
            this.shell = shell;
        }

        @Override
        public Integer call() throws ExperimentException, IOException {
            Path imageDir = shell.kernel().image().dir();
            if ("list".equals(action)) {
                for (String n : Experiment.names(imageDir)) {
                    Experiment e = Experiment.load(imageDir, n);
                    shell.out().printf("%-16s %-8s %s%n", n, Durations.format(e.durationNanos()), e.title());
                }
                return 0;
            }
            if (name == null || !"run".equals(action) && !"compare".equals(action)) {
                throw new IllegalArgumentException("want experiment list, experiment run NAME, experiment compare NAME or experiment sweep NAME");
            }
            Experiment e = Experiment.load(imageDir, name);
            long s = seed != null ? seed : shell.kernel().image().seed();
            long limit = until == null ? 0 : Durations.parse(until);
            Runner runner = new Runner(shell.kernel().image(), Experiments::console);
            long wall = System.nanoTime();
            if (action.equals("run")) {
                String p = policy != null ? policy : shell.kernel().image().balancing().policy();
                Path dir = out != null ? out : Path.of("runs", name + "-" + p + "-s" + s);
                Runner.Run run = runner.run(e, s, p, limit, dir, progress(e.name() + " [" + p + "]"));
                Plots.write(run.trace(), run.summary(), dir);
                report(run.summary(), dir, wall);
            } else {
                Path dir = out != null ? out : Path.of("runs", name + "-compare-s" + s);
                List<Runner.Run> runs = Comparison.run(runner, e, s, policies, limit, dir, progress(e.name()));
                for (Runner.Run run : runs) {
                    Plots.write(run.trace(), run.summary(), run.dir());
                }
                shell.out().print(Comparison.markdown(runs.stream().map(Runner.Run::summary).toList()));
                shell.out().printf(Locale.ROOT, "(%.1f s wall) -> %s (compare.md, compare.csv, one directory per policy)%n",
                        (System.nanoTime() - wall) / 1e9, dir);
            }
            return 0;
        }

        private void report(Summary s, Path dir, long wall) {
            PrintWriter o = shell.out();
            o.printf(Locale.ROOT, "%s under %s, seed %d: %.1f s of virtual time in %.1f s -> %s%n", s.experiment(), s.policy(), s.seed(),
                    s.duration(), (System.nanoTime() - wall) / 1e9, dir);
            o.println("  start:      " + table(s.start()));
            o.printf(Locale.ROOT, "  at %5.1f s: %s%n", Math.min(s.tableAt(), s.duration()), table(s.table()));
            o.printf(Locale.ROOT, "  makespan %s, imbalance %.3f (mean) %.3f (at the table), %d migrations (%d bytes), home-node load %.3f, %d forwarded calls%s%n",
                    s.makespan() < 0 ? "- (still running)" : String.format(Locale.ROOT, "%.3f s", s.makespan()), s.imbalanceMean(),
                    s.imbalanceTable(), s.migrations(), s.bytesMoved(), s.homeLoad(), s.forwarded(),
                    s.failedCommands() > 0 ? ", " + s.failedCommands() + " commands failed (see output.txt)" : "");
        }

        private static String table(java.util.Map<String, Integer> perNode) {
            StringBuilder b = new StringBuilder();
            perNode.forEach((node, n) -> b.append(String.format("%s %-3d ", node, n)));
            return b.toString().strip();
        }

        /** A progress bar on the terminal, redrawn in place; nothing when the output is not a terminal. */
        private Runner.Progress progress(String label) {
            java.io.Console terminal = System.console();
            if (terminal == null || !terminal.isTerminal()) {
                return (now, end) -> {};
            }
            int[] shown = {-1};
            return (now, end) -> {
                int percent = (int) (100 * now / end);
                if (percent != shown[0]) {
                    shown[0] = percent;
                    String bar = "#".repeat(percent / 5) + "-".repeat(20 - percent / 5);
                    shell.out().printf(Locale.ROOT, "\r%s [%s] %3d%% %s", label, bar, percent, Durations.format(now));
                    if (now >= end) {
                        shell.out().print("\r" + " ".repeat(label.length() + 40) + "\r");
                    }
                    shell.out().flush();
                }
            };
        }
    }

    @Command(name = "plot", description = {"Draw a run's charts again from its trace (load, processes, migrations as .png and .svg).",
            "DIR is a run's directory (experiment run's --out); --open shows the load chart where a desktop can."})
    static final class Plot implements Callable<Integer> {
        private final Shell shell;

        @Parameters(index = "0", paramLabel = "DIR")
        Path dir;

        @Option(names = "--open", description = "open the load chart in the desktop's viewer")
        boolean open;

        Plot(Shell shell) {
            this.shell = shell;
        }

        @Override
        public Integer call() throws IOException {
            List<Path> files = Plots.write(Trace.read(dir), Summary.read(dir), dir);
            files.forEach(f -> shell.out().println(f));
            if (open) {
                if (java.awt.Desktop.isDesktopSupported() && java.awt.Desktop.getDesktop().isSupported(java.awt.Desktop.Action.OPEN)) {
                    java.awt.Desktop.getDesktop().open(dir.resolve("load.png").toFile());
                } else {
                    shell.out().println("plot: no desktop to open it here; the files are above");
                }
            }
            return 0;
        }
    }
}
