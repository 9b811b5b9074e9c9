package ssi.synthetic;

import ssi.guest.ProcessBody;
import ssi.guest.Syscall;
import ssi.guest.SystemCalls;
import ssi.guest.Yield;

/**
 * A process whose slices follow its {@link Demand}: it allocates and writes its memory, then
 * computes, calling home every {@code callEvery} units and writing part of its memory every
 * {@code dirtyEvery}, until its work is done. It runs on the kernel's thread: a slice costs a few
 * arithmetic steps, whatever its length in virtual time.
 */
public final class SyntheticProcess implements ProcessBody {
    // The demand's figures, copied: every slice and every quantum's look at it read them, and a large
    // study has 100,000 processes, so one object fewer to fetch from memory each time.
    private final long work, memory, callEvery, dirtyEvery, dirtyBytes;
    private final int callBytes;
    private final SystemCalls calls;
    private long done;          // work units computed
    private long untilCall;     // units to the next call home
    private long untilDirty;    // units to the next write of its memory
    private int block = -1;     // its memory's handle, once allocated
    private long dirtyOffset;
    private boolean ended;

    public SyntheticProcess(Demand demand, SystemCalls calls) {
        this.work = demand.work();
        this.memory = demand.memory();
        this.callEvery = demand.callEvery();
        this.callBytes = demand.callBytes();
        this.dirtyEvery = demand.dirtyEvery();
        this.dirtyBytes = demand.dirtyBytes();
        this.calls = calls;
        this.untilCall = callEvery;
        this.untilDirty = dirtyEvery;
    }

    @Override
    public Yield resume(long budget, Object answer) {
        if (block < 0 && memory > 0) {
            if (answer instanceof Integer handle) {
                block = handle;
                calls.touch(block, 0, memory);
            } else if (answer instanceof Exception refused) {
                return new Yield.Exited(0, 1, "synthetic: " + refused.getMessage() + "\n");
            } else {
                return new Yield.Trapped(0, new Syscall.Alloc(memory));
            }
        }
        long spent = 0;
        while (true) {
            long step = Math.min(budget - spent, work - done);
            if (callEvery > 0) {
                step = Math.min(step, untilCall);
            }
            if (dirtyEvery > 0 && block >= 0) {
                step = Math.min(step, untilDirty);
            }
            spent += step;
            done += step;
            untilCall -= step;
            untilDirty -= step;
            if (done >= work) {
                ended = true;
                return new Yield.Exited(spent, 0, "");
            }
            if (callEvery > 0 && untilCall == 0) {
                untilCall = callEvery;
                return new Yield.Trapped(spent, new Syscall.Demand(callBytes));
            }
            if (dirtyEvery > 0 && block >= 0 && untilDirty == 0) {
                writeMemory();
            }
            if (spent >= budget) {
                return new Yield.BudgetSpent(spent, false);
            }
        }
    }

    @Override
    public long quietUnits() {
        if (ended || block < 0 && memory > 0) {
            return 0; // its memory is still to be allocated
        }
        long quiet = work - done;
        if (callEvery > 0) {
            quiet = Math.min(quiet, untilCall);
        }
        if (dirtyEvery > 0 && block >= 0) {
            quiet = Math.min(quiet, untilDirty);
        }
        return quiet;
    }

    @Override
    public void skip(long units) {
        if (units < 0 || units >= Math.max(1, quietUnits())) {
            throw new IllegalArgumentException("skip " + units + " units, but only " + quietUnits() + " are quiet");
        }
        done += units;
        untilCall -= units;
        untilDirty -= units;
    }

    /** Writes the next {@code dirtyBytes} of its memory, round the block. */
    private void writeMemory() {
        untilDirty = dirtyEvery;
        long length = Math.min(dirtyBytes, memory);
        if (dirtyOffset + length > memory) {
            dirtyOffset = 0;
        }
        calls.touch(block, dirtyOffset, length);
        dirtyOffset += length;
    }

    @Override
    public void terminate() {
        ended = true;
    }

    /** Work units computed so far. */
    public long done() {
        return done;
    }

    public boolean ended() {
        return ended;
    }
}
