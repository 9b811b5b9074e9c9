package ssi.sweep;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import ssi.experiment.Experiment;
import ssi.experiment.ExperimentException;
import ssi.experiment.Runner;
import ssi.kernel.Image;
import ssi.kernel.ImageException;

/**
 * A member's side of a sweep: runs a {@link RunSpec} as {@code experiment run} does (the same
 * {@link Runner}, the same consoles), in a directory of its own, and sends back the files it wrote.
 * Images arrive as bytes once and are kept in {@code cache} by their hash.
 *
 * @param consoles the shell's consoles, which run the experiment's commands
 * @param cache where images are unpacked
 * @param version this member's ssi version; a run sent by another version is refused
 */
public record Station(Runner.Consoles consoles, Path cache, String version) {
    /** The key of the station in a Hazelcast member's user context. */
    static final String KEY = "ssi.sweep.station";

    /** A station with the default cache and this ssi's version. */
    public static Station local(Runner.Consoles consoles) {
        return new Station(consoles, defaultCache(), Version.CURRENT);
    }

    /** Where a member keeps images: {@code java.io.tmpdir/ssi-sweep-USER/images}. */
    static Path defaultCache() {
        return Path.of(System.getProperty("java.io.tmpdir"), "ssi-sweep-" + System.getProperty("user.name"), "images");
    }

    /** Runs one spec; an error of the run itself (a bad image, experiment or policy) comes back as a failed result. */
    RunResult run(RunSpec spec, byte[] image, String senderVersion) {
        if (!version.equals(senderVersion)) {
            return RunResult.failed(spec, "refused: sent by ssi " + senderVersion + ", this member runs ssi " + version);
        }
        Path out = null;
        try {
            Path dir = ImageArchive.cached(cache, spec.imageHash());
            if (!Files.isDirectory(dir)) {
                if (image == null) {
                    return RunResult.imageWanted(spec);
                }
                dir = ImageArchive.unpack(cache, spec.imageHash(), image);
            }
            Image booted = Image.load(ImageArchive.variant(dir, spec.params()));
            Experiment e = Experiment.parse(spec.experiment(), spec.script());
            out = Files.createTempDirectory("ssi-sweep-run-");
            new Runner(booted, consoles).run(e, spec.seed(), spec.policy(), spec.untilNanos(), out, (now, end) -> {});
            return RunResult.done(spec, files(out));
        } catch (ImageException | ExperimentException | SweepException e) {
            return RunResult.failed(spec, e.getMessage());
        } catch (IOException e) {
            return RunResult.failed(spec, "cannot write the run's files: " + e.getMessage());
        } finally {
            if (out != null) {
                try {
                    ImageArchive.deleteTree(out);
                } catch (IOException ignored) {
                    // a temporary directory left behind; the run's result is what matters
                }
            }
        }
    }

    private static Map<String, byte[]> files(Path dir) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> all = Files.list(dir)) {
            for (Path f : all.filter(Files::isRegularFile).toList()) {
                files.put(f.getFileName().toString(), Files.readAllBytes(f));
            }
        }
        return files;
    }
}
