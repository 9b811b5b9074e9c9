package ssi.sweep;

import com.hazelcast.cluster.Member;
import com.hazelcast.core.HazelcastInstance;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import ssi.experiment.Experiment;
import ssi.experiment.ExperimentException;
import ssi.experiment.Runner;
import ssi.kernel.Image;
import ssi.kernel.ImageException;
import ssi.kernel.Policies;

/**
 * A sweep from start to end: checks the plan against the image, starts this machine's member
 * (embedded, or joining workers), has the {@link Coordinator} run every run, and writes each run's
 * files into {@code out/runs/KEY/} and the {@link Table} into {@code out}.
 */
public final class Sweep {
    private Sweep() {}

    /** Hears how far a sweep is: runs done (failed ones among them), running, in all, and the wall time it has taken. */
    public interface Progress {
        void at(int done, int failed, int running, int total, long elapsedNanos);
    }

    /** What a sweep made: its table, each run's result and directory (in the table's order), and the members it ran on. */
    public record Result(Table table, List<RunResult> runs, List<Path> dirs, int members) {}

    /**
     * Runs {@code plan} on the image at {@code imageDir}, each run exactly as {@code experiment run}
     * does with {@code consoles}; with {@code settings.join()} empty, on one embedded member.
     *
     * @throws SweepException bad input (nothing is run then), no worker to join, or a member of another version
     */
    public static Result run(Path imageDir, Plan plan, Members.Settings settings, Runner.Consoles consoles, Path out, Progress progress)
            throws SweepException {
        plan.checked();
        Station station = new Station(consoles, Station.defaultCache(), settings.version());
        String script;
        ImageArchive image;
        Image base;
        try {
            Experiment.load(imageDir, plan.experiment()); // its errors name the experiment and line
            script = Files.readString(Experiment.directory(imageDir).resolve(plan.experiment() + ".toml"));
            image = ImageArchive.of(imageDir);
            base = check(station, image, plan);
        } catch (ExperimentException e) {
            throw new SweepException(e.getMessage());
        } catch (IOException e) {
            throw new SweepException("cannot read the image at " + imageDir + ": " + e.getMessage());
        }
        List<RunSpec> runs = plan.runs(image.hash(), script);
        HazelcastInstance member = Members.start(settings, settings.slots() > 0 ? station : null);
        try {
            int members = member.getCluster().getMembers().size();
            if (!settings.join().isEmpty() && members < 2) {
                throw new SweepException("no ssi worker answered at " + String.join(",", settings.join()) + " (cluster '"
                        + settings.clusterName() + "'): is ./ssi worker running there, with the same --cluster-name and --secret?");
            }
            List<RunResult> results = Coordinator.run(member, image, settings.version(), runs, progress::at);
            return write(results, Table.of(plan.experiment(), base.name(), image.hash(), results), out, members);
        } catch (IOException e) {
            throw new SweepException("cannot write the sweep to " + out + ": " + e.getMessage());
        } finally {
            member.shutdown();
        }
    }

    /** Checks what a run would only find out on a member: every parameter setting makes a valid image, every policy exists. */
    private static Image check(Station station, ImageArchive image, Plan plan) throws IOException, SweepException {
        Path dir = ImageArchive.unpack(station.cache(), image.hash(), image.bytes());
        Image base;
        try {
            base = Image.load(dir);
        } catch (ImageException e) {
            throw new SweepException(e.getMessage());
        }
        for (Map<String, String> setting : plan.settings()) {
            Path variant = ImageArchive.variant(dir, setting);
            try {
                Image.load(variant);
            } catch (ImageException e) {
                String where = variant.resolve(Image.MANIFEST) + ": "; // a cache's path: the user named the image and the keys
                throw new SweepException("--param " + new RunSpec("", "", "", "", setting, 0, 0).setting() + ": " + e.getMessage().replace(where, ""));
            }
        }
        List<String> known = new ArrayList<>(Policies.discover().names());
        known.add(Policies.NONE);
        for (String p : plan.policies()) {
            if (!known.contains(p)) {
                throw new SweepException("--policies: no policy '" + p + "' (known: " + String.join(", ", known) + ")");
            }
        }
        return base;
    }

    private static Result write(List<RunResult> results, Table table, Path out, int members) throws IOException {
        List<Path> dirs = new ArrayList<>();
        for (RunResult r : results) {
            Path dir = out.resolve("runs").resolve(r.spec().key());
            Files.createDirectories(dir);
            for (var f : r.files().entrySet()) {
                Files.write(dir.resolve(f.getKey()), f.getValue());
            }
            if (!r.ok()) {
                Files.writeString(dir.resolve("error.txt"), r.error() + "\n");
            }
            dirs.add(dir);
        }
        table.write(out);
        return new Result(table, results, List.copyOf(dirs), members);
    }

    /** This machine's ssi version, which every member of a cluster must share. */
    public static String version() {
        return Version.CURRENT;
    }

    /** Members of a worker's cluster, as {@code host:port} lines (for the worker's own messages). */
    public static List<String> addresses(HazelcastInstance member) {
        return member.getCluster().getMembers().stream().map(Member::getAddress).map(a -> a.getHost() + ":" + a.getPort()).toList();
    }
}
