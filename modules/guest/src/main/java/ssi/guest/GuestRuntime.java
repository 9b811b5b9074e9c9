package ssi.guest;

import java.io.OutputStream;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.EnvironmentAccess;
import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.PolyglotAccess;
import org.graalvm.polyglot.io.IOAccess;
import ssi.guest.meter.MeterService;
import ssi.guest.meter.WorkMeter;

/**
 * The GraalVM side of the emulator: one shared engine for every guest (so that compiled code is
 * shared between processes) and the sandboxed contexts that guest processes run in.
 */
public final class GuestRuntime implements AutoCloseable {
    /** ssi's version, as guests see it ({@code process.versions.ssi}, {@code os.release()}, {@code platform.release()}). */
    public static final String VERSION = "0.1.0";

    private final Engine engine;
    private final MeterService meters;

    private boolean warmingUp;         // the background warm-up is under way (guarded by this)
    private volatile boolean closing;

    /** Creates the shared engine; fails if the optimizing JIT is not available. */
    public GuestRuntime() {
        engine = Engine.newBuilder(Language.JS.id(), Language.PYTHON.id()).build();
        if (!isOptimizing(engine)) {
            String name = engine.getImplementationName();
            engine.close();
            throw new IllegalStateException("GraalVM's optimizing JIT is not available (engine: " + name
                    + "); start the JVM with -XX:+UnlockExperimentalVMOptions -XX:+EnableJVMCI"
                    + " --upgrade-module-path=<org.graalvm.compiler:compiler jar>, as ./ssi does");
        }
        meters = engine.getInstruments().get(WorkMeter.ID).lookup(MeterService.class);
    }

    /** True when the engine compiles guest code (anything but the interpreter-only fallback). */
    public static boolean isOptimizing(Engine engine) {
        return !"Interpreted".equals(engine.getImplementationName());
    }

    /** The name of the Truffle runtime in use, e.g. "GraalVM CE". */
    public String implementationName() {
        return engine.getImplementationName();
    }

    /**
     * Hides the cold start of the languages (about 3 s for Python's first context) by creating
     * and dropping one context per language on a background thread.
     */
    public synchronized void warmUpInBackground() {
        if (closing) {
            throw new IllegalStateException("the guest runtime is closed");
        }
        warmingUp = true;
        Thread.ofPlatform().daemon().name("ssi-warm-up").stackSize(GuestProcess.STACK_SIZE).start(() -> {
            try {
                for (Language l : Language.values()) {
                    if (closing) {
                        break;
                    }
                    try (Context c = sandbox(l, java.io.InputStream.nullInputStream(), OutputStream.nullOutputStream(), OutputStream.nullOutputStream(),
                            null, null, java.util.Map.of()).build()) {
                        c.initialize(l.id());
                    } catch (RuntimeException e) {
                        // a failed warm-up only costs time: the process that needs the language reports the error
                    }
                }
            } finally {
                boolean close;
                synchronized (this) {
                    warmingUp = false;
                    close = closing;
                }
                if (close) {
                    engine.close(true); // closed meanwhile: the engine was left to this thread
                }
            }
        });
    }

    /** Starts a guest process; it runs only when the kernel resumes it. */
    public GuestProcess start(GuestProgram program, SystemCalls calls) {
        return new GuestProcess(this, program, calls);
    }

    MeterService meters() {
        return meters;
    }

    /**
     * A context with no access to the host: no host classes, sockets, threads, processes, native
     * code or host environment, and files only through {@code files}; only the {@code ssi} system
     * calls, exported explicitly. JavaScript gets GraalJS's CommonJS and ES-module loaders over
     * {@code files}, with Node's built-ins answered by ssi ({@link NodeCore}). The options are the
     * same for every program, so that contexts share the engine's code.
     *
     * @param cwd the working directory, absolute; null for the file system's own
     * @param env the environment variables the guest sees
     */
    Context.Builder sandbox(Language language, java.io.InputStream in, OutputStream out, OutputStream err,
                            org.graalvm.polyglot.io.FileSystem files, String cwd, java.util.Map<String, String> env) {
        return sandbox(engine, language, in, out, err, files, cwd, env);
    }

    /** The same context on another engine (a bare one, for the baseline of benchmarks). */
    static Context.Builder sandbox(Engine engine, Language language, java.io.InputStream in, OutputStream out, OutputStream err,
                                   org.graalvm.polyglot.io.FileSystem files, String cwd, java.util.Map<String, String> env) {
        org.graalvm.polyglot.io.FileSystem fs = files == null ? null : language == Language.JS ? new NodeCoreFileSystem(files) : files;
        Context.Builder b = Context.newBuilder(language.id())
                .engine(engine)
                .allowHostAccess(HostAccess.EXPLICIT)
                .allowHostClassLookup(name -> false)
                .allowIO(fs == null ? IOAccess.NONE : IOAccess.newBuilder().fileSystem(fs).build())
                .allowCreateThread(false)
                .allowCreateProcess(false)
                .allowNativeAccess(false)
                .allowEnvironmentAccess(EnvironmentAccess.NONE)
                .environment(env)
                .allowPolyglotAccess(PolyglotAccess.NONE)
                .out(out)
                .err(err)
                .in(in)
                .timeZone(java.time.ZoneOffset.UTC); // dates must not depend on the host's zone
        if (fs != null && cwd != null) {
            b.currentWorkingDirectory(java.nio.file.Path.of(cwd));
        }
        switch (language) {
            case JS -> b.option("js.print", "false")
                    .allowExperimentalOptions(true) // GraalJS's CommonJS loader is marked experimental
                    .option("js.commonjs-require", "true")
                    .option("js.commonjs-core-modules-replacements", NodeCore.replacements());
            case PYTHON -> b.option("python.HashSeed", "0")
                    .option("python.UnbufferedIO", "true")
                    .option("python.DontWriteBytecodeFlag", "true")
                    .option("python.NoUserSiteFlag", "true")
                    .option("python.IsolateFlag", "true")
                    .option("python.NoSiteFlag", "true") // no site-packages in the sandbox: the image's /lib/python is on sys.path
                    // weakref callbacks and other periodic actions run Python code when the host's GC or
                    // timer says so: counted statements at host-dependent points, a trace that varies
                    // (an experimental option, and the only way to keep them out)
                    .allowExperimentalOptions(true)
                    .option("python.NoAsyncActions", "true");
        }
        return b;
    }

    /**
     * Closes the engine; while the warm-up is starting a language, it is left to the warm-up to
     * close when that is done (closing an engine while another thread creates a context in it
     * can deadlock inside Truffle).
     */
    @Override
    public void close() {
        boolean later;
        synchronized (this) {
            closing = true;
            later = warmingUp;
        }
        if (!later) {
            engine.close(true);
        }
    }
}
