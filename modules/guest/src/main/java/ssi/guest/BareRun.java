package ssi.guest;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Map;
import java.util.SplittableRandom;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.io.FileSystem;
import org.graalvm.polyglot.proxy.ProxyArray;
import org.graalvm.polyglot.proxy.ProxyObject;

/**
 * A program run in a bare GraalVM context: a fresh engine with no work meter, no kernel, real time,
 * but the conveniences a guest has (its prelude: argv, {@code require} and imports from its folder,
 * Node's built-ins, stdout). The baseline that {@code bench program} compares an ssi process with.
 */
public final class BareRun {
    /** How it ended: its exit status, and the wall time from the context's start to its end. */
    public record Result(int status, long nanos) {}

    private BareRun() {}

    /**
     * Runs a program to its end on a fresh engine; {@code files} are what it reads (its folder's
     * modules). The time counts from the context's start, as an ssi process's does from its spawn.
     */
    public static Result run(GuestProgram program, FileSystem files, OutputStream out, OutputStream err) {
        try (Engine engine = Engine.newBuilder(Language.JS.id(), Language.PYTHON.id()).build()) {
            if (!GuestRuntime.isOptimizing(engine)) {
                throw new IllegalStateException("GraalVM's optimizing JIT is not available: a bare run would not be a fair baseline");
            }
            return run(engine, program, files, out, err);
        }
    }

    private static Result run(Engine engine, GuestProgram program, FileSystem files, OutputStream out, OutputStream err) {
        long start = System.nanoTime();
        try (Context context = GuestRuntime.sandbox(engine, program.language(), java.io.InputStream.nullInputStream(), out, err, files,
                program.cwd(), Map.of("HOME", "/home", "PATH", "/bin", "PWD", program.cwd())).build()) {
            Binding binding = new Binding(program, out, err, start);
            Prelude prelude = Prelude.install(context, program, binding, files);
            int status;
            try {
                status = prelude.run();
            } catch (PolyglotException e) {
                boolean exited = e.isHostException() && e.asHostException() instanceof BareExit;
                status = e.isExit() ? e.getExitStatus() : exited ? ((BareExit) e.asHostException()).status : 1;
                if (!e.isExit() && !exited) {
                    err.write(prelude.describe(e).getBytes(StandardCharsets.UTF_8));
                }
            }
            return new Result(status, System.nanoTime() - start);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The system calls a prelude needs, answered at once: real time, the program's own arguments, output to the streams given. */
    public static final class Binding {
        private final GuestProgram program;
        private final OutputStream out;
        private final OutputStream err;
        private final long start;
        private final SplittableRandom random;

        Binding(GuestProgram program, OutputStream out, OutputStream err, long start) {
            this.program = program;
            this.out = out;
            this.err = err;
            this.start = start;
            this.random = new SplittableRandom(program.seed());
        }

        @HostAccess.Export
        public double time() {
            return (System.nanoTime() - start) / 1e9;
        }

        @HostAccess.Export
        public double random() {
            return random.nextDouble();
        }

        @HostAccess.Export
        public long seed() {
            return random.split().nextLong();
        }

        @HostAccess.Export
        public String path() {
            return program.path();
        }

        @HostAccess.Export
        public ProxyArray args() {
            return ProxyArray.fromList(new ArrayList<>(program.args()));
        }

        @HostAccess.Export
        public ProxyObject environment() {
            return ProxyObject.fromMap(new java.util.HashMap<>(Map.of("HOME", "/home", "PATH", "/bin", "PWD", program.cwd())));
        }

        @HostAccess.Export
        public String version() {
            return GuestRuntime.VERSION;
        }

        @HostAccess.Export
        public int getpid() {
            return 1;
        }

        @HostAccess.Export
        public int getppid() {
            return 0;
        }

        @HostAccess.Export
        public String cwd() {
            return program.cwd();
        }

        @HostAccess.Export
        public int write(int fd, String text) {
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            try {
                (fd == 2 ? err : out).write(bytes);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return bytes.length;
        }

        @HostAccess.Export
        public void exit(int status) {
            throw new BareExit(status);
        }

        @HostAccess.Export
        public Value nodeModule(String name) {
            return Context.getCurrent().eval(NodeCore.source(name));
        }
    }

    /** A bare program's exit: ends its run with a status. */
    private static final class BareExit extends RuntimeException {
        private final int status;

        BareExit(int status) {
            super("exit " + status, null, false, false);
            this.status = status;
        }
    }
}
