package ssi.kernel;

/**
 * How {@code mosrun} starts a program.
 *
 * @param start the node to start on: a node id, {@link #HOME}, or {@link #BEST}
 * @param locked locked against migration from the start ({@code -h}, {@code -L})
 * @param mode what the process may do that MOSIX cannot migrate
 * @param hint what kind of job it is, for policies: {@code cpu} ({@code -c}), {@code io} ({@code -i}), or empty
 * @param checkpointNanos {@code mosrun -C}: the virtual time between its checkpoints, or 0 for none
 * @param cwd the working directory it starts in (the shell's), absolute
 */
public record RunOptions(int start, boolean locked, Mode mode, String hint, long checkpointNanos, String cwd) {
    public static final int HOME = 0;
    public static final int BEST = -1;
    public static final RunOptions DEFAULT = new RunOptions(HOME, false, Mode.STRICT);

    public RunOptions(int start, boolean locked, Mode mode, String hint, long checkpointNanos) {
        this(start, locked, mode, hint, checkpointNanos, "/");
    }

    public RunOptions(int start, boolean locked, Mode mode) {
        this(start, locked, mode, "");
    }

    public RunOptions(int start, boolean locked, Mode mode, String hint) {
        this(start, locked, mode, hint, 0);
    }

    /** The same options, starting in {@code cwd}. */
    public RunOptions in(String cwd) {
        return new RunOptions(start, locked, mode, hint, checkpointNanos, cwd);
    }

    /** MOSIX's modes for features it cannot migrate (SysV shared memory). */
    public enum Mode {
        /** Plain {@code mosrun}: a program that asks for shared memory is stopped with MOSIX's message. */
        STRICT,
        /** {@code mosrun -e}: allowed; using it brings the process home and confines it there. */
        CONFINE_ON_USE,
        /** {@code mosrun -E}: a native process of its home node that never migrates. */
        NATIVE
    }
}
