package ssi.api;

/** Where a process stands, in the letters ps uses. */
public enum ProcessState {
    /** Runnable: running or waiting for a CPU. */
    RUNNING("R"),
    /** Blocked in a system call: sleeping, waiting for a child or for its deputy. */
    SLEEPING("S"),
    /** Frozen while it migrates: it does not run anywhere until it resumes. */
    FROZEN("F"),
    /** Frozen to its home node's disk (MOSIX2's freezing): it holds no CPU and no memory until it continues. */
    ON_DISK("D"),
    /** Stopped by SIGSTOP until SIGCONT. */
    STOPPED("T"),
    /** Exited, not yet reaped by its parent. */
    ZOMBIE("Z");

    private final String letter;

    ProcessState(String letter) {
        this.letter = letter;
    }

    public String letter() {
        return letter;
    }
}
