package ssi.experiment;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import ssi.kernel.Image;
import ssi.kernel.Kernel;
import ssi.kernel.KernelException;

/**
 * Runs an experiment on a fresh kernel booted from an image and a seed, and writes what it recorded:
 * the trace, {@code summary.json}, and {@code output.txt} (the commands' and processes' output).
 * Given the image, the experiment, the policy and the seed, every file is the same, byte for byte.
 */
public final class Runner {
    /** Runs shell command lines on a kernel: what the shell is to an experiment. */
    public interface Console {
        /** Runs one line of commands; false if one failed (it said why on the console's output). */
        boolean run(String line);
    }

    /** Makes a console on a kernel, printing to {@code out}. */
    public interface Consoles {
        Console open(Kernel kernel, PrintWriter out);
    }

    /** Hears how far a run has come, in virtual time. */
    public interface Progress {
        void at(long now, long end);
    }

    /** What a run recorded, and where its files are. */
    public record Run(Summary summary, Trace trace, Path dir) {}

    private final Image image;
    private final Consoles consoles;

    public Runner(Image image, Consoles consoles) {
        this.image = image;
        this.consoles = consoles;
    }

    /**
     * Runs {@code e} with the image's policy or {@code policy}, for its duration or {@code untilNanos}
     * if that is shorter (0: the whole duration), writing its files into {@code out}.
     */
    public Run run(Experiment e, long seed, String policy, long untilNanos, Path out, Progress progress) throws ExperimentException {
        Image booted = policy == null ? image : image.withPolicy(policy);
        long end = untilNanos > 0 ? Math.min(untilNanos, e.durationNanos()) : e.durationNanos();
        try {
            Files.createDirectories(out);
        } catch (IOException x) {
            throw new ExperimentException("cannot write the run's files to " + out + ": " + x.getMessage());
        }
        try (Kernel kernel = Kernel.boot(booted, seed);
             PrintWriter log = new PrintWriter(Files.newBufferedWriter(out.resolve("output.txt")))) {
            Recorder recorder = new Recorder(kernel);
            kernel.addListener(recorder);
            Console console = consoles.open(kernel, log);
            int failed = 0;
            int next = 0;
            long period = booted.balancing().periodNanos();
            while (true) {
                while (next < e.steps().size() && e.steps().get(next).at() <= kernel.now() && e.steps().get(next).at() < end) {
                    failed += console.run(e.steps().get(next++).command()) ? 0 : 1;
                }
                if (kernel.now() == 0) {
                    recorder.sample(0); // the start, after the first commands
                }
                boolean more = next < e.steps().size() && e.steps().get(next).at() < end;
                if (kernel.now() >= end || !more && !recorder.anyAlive()) {
                    break;
                }
                long until = Math.min(end, more ? e.steps().get(next).at() : end);
                kernel.advance(Math.min(until - kernel.now(), period - kernel.now() % period));
                progress.at(kernel.now(), end);
            }
            recorder.sample(kernel.now()); // the end (nothing new if it is a period's end)
            log.flush();
            Trace trace = recorder.trace();
            trace.write(out);
            Trace.writeClusters(out, recorder.clusters());
            Summary summary = Summary.of(e, booted.name(), booted.balancing().policy(), seed, trace, failed);
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(out.resolve("summary.json").toFile(), summary);
            return new Run(summary, trace, out);
        } catch (KernelException x) {
            throw new ExperimentException("experiment " + e.name() + ": cannot boot " + booted.name() + ": " + x.getMessage());
        } catch (IOException x) {
            throw new ExperimentException("experiment " + e.name() + ": cannot write to " + out + ": " + x.getMessage());
        }
    }
}
