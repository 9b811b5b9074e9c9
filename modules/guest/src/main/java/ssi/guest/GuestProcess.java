package ssi.guest;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;
import ssi.guest.meter.Meter;
import ssi.guest.meter.SliceGate;

/**
 * One guest program running as a coroutine of the kernel: it has its own host thread and context,
 * but runs only inside a slice that the kernel grants with {@link #resume}, and hands control back
 * when the slice's budget is spent, when it makes a system call, or when it ends.
 */
public final class GuestProcess implements ProcessBody {
    static final long STACK_SIZE = 64L << 20;
    /** How often the kernel's side looks at a running slice's progress. */
    private static final long WATCHDOG_MS = 25;
    /**
     * Host CPU a guest thread may spend without a counted statement before it is stopped as a loop
     * the language does not tag. Generous, since a stop here is not repeatable (it depends on the
     * host): a cold JVM's first parse or a large builtin call must never reach it.
     */
    private static final long UNTAGGED_LOOP_CPU_NANOS = 500_000_000L;
    /**
     * The same once the process has been stopped in such a loop: its count is no longer repeatable
     * anyway, and each of its slices should cost about what a counted one does (it is looked at every
     * {@value #SPINNING_WATCHDOG_MS} ms then).
     */
    private static final long SPINNING_LOOP_CPU_NANOS = 4_000_000L;
    private static final long SPINNING_WATCHDOG_MS = 2;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /**
     * A slice handed to the guest: its budget, the answer to its call, whether it must die, and the
     * budgets of the slices the kernel side spent for it while it was parked in debt (its credit).
     */
    private record Resume(long budget, Object answer, boolean die, long credit) {}

    private final GuestRuntime runtime;
    private final GuestProgram program;
    private final SystemCalls calls;
    private final org.graalvm.polyglot.io.FileSystem files; // what the context and the ssi file calls see
    private final Thread thread;
    private final Semaphore toGuest = new Semaphore(0);
    private final Semaphore toKernel = new Semaphore(0);
    private Resume resume;      // handed to the guest thread through toGuest
    private Yield yield;        // handed to the kernel through toKernel
    private volatile Meter meter;
    private volatile boolean heapWanted; // the kernel asked for a measurement of its heap
    private volatile long heapStop;
    private volatile long heap = -1;     // the last measurement
    private long granted;       // budget of the current slice (guest thread)
    private volatile long slice; // serial of the current slice, so a late forced stop is ignored
    private volatile boolean dying;
    private volatile boolean counted;   // its program has counted a statement: from then on the watchdog may stop it
    private boolean spins;              // it was stopped in a loop the language does not tag (kernel side)
    private volatile boolean running; // the program runs inside slices: its file calls can go to the kernel
    private boolean ended;
    private volatile Throwable failure; // ssi's own code failed on the guest's thread (not the program's doing)
    private long debt;   // kernel side: work units it ran past the slices it was given, not yet paid with slices
    private long credit; // kernel side: budgets of slices spent for it while it was parked in debt, for its next slice

    GuestProcess(GuestRuntime runtime, GuestProgram program, SystemCalls calls) {
        this.runtime = runtime;
        this.program = program;
        this.calls = calls;
        this.files = calls.fileSystem(this::fileCall);
        this.thread = new ssi.guest.meter.GuestThread(this::main, "guest-" + calls.getpid(), STACK_SIZE);
        thread.start(); // builds the context now, so that its cost overlaps the kernel's work
    }

    /**
     * Runs the process for one slice (kernel side): blocks until it yields.
     *
     * @param budget work units it may spend, at least 1
     * @param answer the answer to the system call it is waiting on (a {@link SyscallException} to refuse it), or null
     */
    @Override
    public boolean threaded() {
        return true;
    }

    @Override
    public long heapBytes(long stopAt) {
        heapStop = stopAt;
        heapWanted = true;
        return heap;
    }

    @Override
    public Yield resume(long budget, Object answer) {
        if (ended) {
            throw new IllegalStateException("process " + calls.getpid() + " has ended");
        }
        if (budget < 1) {
            throw new IllegalArgumentException("budget must be at least 1: " + budget);
        }
        if (debt > budget && answer == null) { // it is parked, owing more than this slice: spend the slice for it
            debt -= budget;
            credit += budget;
            return new Yield.BudgetSpent(budget, false);
        }
        long serial = slice + 1;
        slice = serial;
        resume = new Resume(budget, answer, false, credit);
        credit = 0;
        toGuest.release();
        awaitYield(serial, budget);
        Yield y = yield;
        Meter m = meter; // parked in debt: the statements it ran past its slice's end
        debt = y instanceof Yield.BudgetSpent b && !b.forced() && m != null && m.remaining() < 0 ? -m.remaining() : 0;
        counted |= y.work() > 0;
        if (y instanceof Yield.Exited) {
            ended = true;
            join();
            if (failure != null) { // the kernel contains it: this process ends with an internal error and a report
                throw new IllegalStateException("the guest runtime failed in process " + calls.getpid(), failure);
            }
        }
        return y;
    }

    /** Ends the process wherever it stands (kernel side); its program sees no more of its slices. */
    @Override
    public void terminate() {
        if (ended) {
            return;
        }
        ended = true;
        dying = true; // before it wakes: whatever it is doing then is not its program's doing
        resume = new Resume(0, null, true, 0);
        toGuest.release();
        join();
    }

    /** True once the process has exited or was terminated. */
    public boolean ended() {
        return ended;
    }

    /**
     * Waits for the slice to end (kernel side), looking at the guest meanwhile: when it burns host
     * CPU without counting anything, it is stopped at its next safepoint.
     */
    private void awaitYield(long serial, long budget) {
        long lastSeen = Long.MIN_VALUE;
        long cpuAtProgress = 0;
        boolean stopped = false;
        long limit = spins ? SPINNING_LOOP_CPU_NANOS : UNTAGGED_LOOP_CPU_NANOS;
        try {
            while (!toKernel.tryAcquire(spins ? SPINNING_WATCHDOG_MS : WATCHDOG_MS, TimeUnit.MILLISECONDS)) {
                Meter m = meter;
                if (m == null || stopped) {
                    continue;
                }
                long seen = m.remaining();
                if (!counted && seen >= budget) {
                    continue; // its program has not started: a context's start and its imports may take long on a cold host
                }
                counted = true;
                long cpuNow = THREADS.getThreadCpuTime(thread.threadId());
                if (seen != lastSeen) {
                    lastSeen = seen;
                    cpuAtProgress = cpuNow;
                } else if (cpuNow - cpuAtProgress > limit) {
                    // Host CPU spent without a counted statement: a loop the language does not tag.
                    // (CPU time, not wall time: a thread the host merely descheduled is left alone.)
                    stopped = true;
                    spins = true;
                    m.atSafepoint(() -> {
                        if (slice == serial) {
                            m.parkForced();
                        }
                    });
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while process " + calls.getpid() + " ran", e);
        }
    }

    private void join() {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ---- guest thread ----

    private Resume handOff(Yield y) {
        yield = y;
        toKernel.release();
        toGuest.acquireUninterruptibly();
        Meter m = meter;
        if (heapWanted && m != null) { // measured here, inside its context: Truffle walks a context's heap from its own thread
            heapWanted = false;
            heap = m.heapBytes(heapStop);
        }
        Resume r = resume;
        if (!r.die) {
            granted = r.budget;
        }
        return r;
    }

    private final SliceGate gate = new SliceGate() {
        @Override
        public long budgetSpent(boolean forced) {
            Resume r = handOff(new Yield.BudgetSpent(granted, forced));
            return r.die ? -1 : r.budget + r.credit;
        }
    };

    /**
     * Work spent so far in the current slice (guest thread), once it settled the statements it ran
     * past its budget: what the rest of the cluster sees of it happens at this count.
     */
    long workInSlice() {
        Meter m = meter;
        if (m == null) {
            return 0;
        }
        m.settle();
        return granted - m.remaining();
    }

    /** A system call of the program's own (an {@code ssi} call): signal handlers may run before it returns (guest thread). */
    Object trap(Syscall call) {
        return trap(call, true);
    }

    /**
     * A system call the kernel must answer: hands the slice back and waits for the answer (guest
     * thread). Signals that come with the answer run the program's handlers first, unless the call
     * was made inside the language's own I/O (its files, terminal, stdin): they wait until the
     * program's next {@code ssi} call, the language being in no state to run guest code there.
     */
    private Object trap(Syscall call, boolean handlersMayRun) {
        while (true) {
            Meter m = meter;
            Resume r = handOff(new Yield.Trapped(workInSlice(), call));
            if (r.die) {
                dying = true;
                m.die(null);
            }
            m.grant(r.budget);
            Object answer = r.answer;
            if (answer instanceof Signalled s) {
                for (int sig : s.signals()) {
                    caught.add(sig);
                }
                answer = s.answer();
            }
            if (handlersMayRun) {
                runHandlers();
            }
            if (r.answer instanceof Signalled s && s.restart()) {
                continue; // a blocking call the signal interrupted: make it again
            }
            if (answer instanceof SyscallException refused) {
                throw new SyscallException(refused.errno(), refused.getMessage());
            }
            return answer;
        }
    }

    private final java.util.ArrayDeque<Integer> caught = new java.util.ArrayDeque<>();
    private java.util.function.IntConsumer handler = sig -> {};

    /** Who runs the program's signal handlers (set by its {@code ssi} binding). */
    void onSignal(java.util.function.IntConsumer handler) {
        this.handler = handler;
    }

    private void runHandlers() {
        while (!caught.isEmpty()) {
            handler.accept(caught.poll());
        }
    }

    /**
     * A file operation (guest thread): to the kernel as a system call while the program runs in a
     * slice; done at once while the context starts or closes, when the thread holds no slice.
     */
    private Object fileCall(ssi.mfs.FileCall call) throws IOException {
        if (!running || dying || Thread.currentThread() != thread) {
            return call.run();
        }
        Object answer = trap(new Syscall.File(call), false);
        if (answer instanceof IOException e) {
            throw e;
        }
        return answer;
    }

    org.graalvm.polyglot.io.FileSystem files() {
        return files;
    }

    /** The kernel's local calls, for its binding: settled first, since what they say or do depends on the clock (guest thread). */
    SystemCalls calls() {
        workInSlice();
        return calls;
    }

    GuestProgram program() {
        return program;
    }

    private void main() {
        Yield end;
        try (Context context = runtime.sandbox(program.language(), new StdIn(this), out, err, files, program.cwd(), environment()).build()) {
            Prelude prelude = Prelude.install(context, program, new SsiBinding(this), files);
            toGuest.acquireUninterruptibly(); // the first slice
            Resume first = resume;
            if (first.die) {
                return;
            }
            granted = first.budget;
            context.enter();
            Meter m = runtime.meters().current();
            m.start(gate, first.budget);
            context.leave();
            meter = m;
            running = true;
            int status;
            try {
                status = prelude.run();
            } catch (PolyglotException e) {
                if (dying || e.isCancelled()) {
                    return; // terminated by the kernel: it already knows the outcome
                }
                if (e.isInternalError() || e.isHostException() && !(e.asHostException() instanceof SyscallException)) {
                    throw e; // the language runtime's own failure, or ssi's: no program's error, the kernel reports it
                }
                status = e.isResourceExhausted() ? 137 : exitStatus(e);
                if (e.isResourceExhausted()) {
                    print(true, (outOfMemory(calls.getpid(), calls.heapLimitBytes()) + "\n").getBytes(StandardCharsets.UTF_8));
                } else if (!e.isExit()) {
                    print(true, prelude.describe(e).getBytes(StandardCharsets.UTF_8));
                }
            } catch (OutOfMemoryError e) {
                status = 137;
                print(true, (outOfMemory(calls.getpid(), calls.heapLimitBytes()) + "\n").getBytes(StandardCharsets.UTF_8));
            } finally {
                if (!dying) {
                    flushQuietly(); // a last partial line goes out while the program still holds its slice
                }
                running = false;
            }
            end = new Yield.Exited(workInSlice(), status, "");
        } catch (PolyglotException e) {
            if (dying || e.isCancelled()) {
                return; // terminated by the kernel: it already knows the outcome
            }
            if (!e.isExit()) {
                failure = e; // ssi's own code failed (its prelude, its context): the kernel reports it
            }
            end = new Yield.Exited(workInSlice(), exitStatus(e), "");
        } catch (RuntimeException | Error e) {
            failure = e;
            end = new Yield.Exited(workInSlice(), 134, "");
        }
        if (!dying) {
            yield = end;
            toKernel.release();
        }
    }

    /** What a process that ran out of memory is told: {@code out of memory: process N exceeded its limit of M MB}. */
    public static String outOfMemory(int pid, long limitBytes) {
        return "out of memory: process " + pid + " exceeded its limit" + (limitBytes > 0 ? " of " + (limitBytes >> 20) + " MB" : "");
    }

    /** The environment its program sees ({@code process.env}, {@code os.environ}). */
    java.util.Map<String, String> environment() {
        return java.util.Map.of("HOME", "/home", "PATH", "/bin", "PWD", program.cwd(), "TMPDIR", "/tmp",
                "USER", "user", "LOGNAME", "user", "LANG", "C.UTF-8", "SHELL", "/bin/sh");
    }

    /** The process's working directory now. */
    String cwd() {
        return files.toAbsolutePath(files.parsePath("")).toString();
    }

    /** Changes the working directory (refused if it is not a directory). */
    void chdir(String dir) {
        files.setCurrentWorkingDirectory(files.toAbsolutePath(files.parsePath(dir)));
    }

    private void flushQuietly() {
        try {
            out.drain();
            err.drain();
        } catch (IOException e) {
            // its stdout is a pipe no one reads any more: the rest of its output has nowhere to go
        }
    }

    private static int exitStatus(PolyglotException e) {
        return e.isExit() ? e.getExitStatus() : 1;
    }

    /** Writes to the process's stdout or stderr, as its language's own output does (guest thread). */
    void print(boolean stderr, byte[] bytes) {
        try {
            (stderr ? err : out).write(bytes, 0, bytes.length);
        } catch (IOException e) { // a pipe no one reads: the refusal itself, for the binding to translate
            throw e.getCause() instanceof SyscallException refused ? refused : new SyscallException(Errno.EIO, e.getMessage());
        }
    }

    private final Terminal out = new Terminal(this, false);
    private final Terminal err = new Terminal(this, true);

    /** True once it is being ended: what it writes from then on goes nowhere. */
    boolean dying() {
        return dying;
    }

    /** Whether a call comes from its program while that runs in a slice (on the guest thread). */
    boolean inSlice() {
        return running && Thread.currentThread() == thread;
    }

    /** A system call of the language runtime's own streams: no signal handler runs in the middle of them (guest thread). */
    Object streamTrap(Syscall call) {
        return trap(call, false);
    }

    /** Reads a text resource of this module (the preludes). */
    static String resource(String name) {
        try (InputStream in = GuestProcess.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
