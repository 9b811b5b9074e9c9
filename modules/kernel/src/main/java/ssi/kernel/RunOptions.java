package ssi.kernel;

/**
 * How {@code mosrun} starts a program.
 *
 * @param start the node to start on: a node id, {@link #HOME}, or {@link #BEST}
 * @param locked locked against migration from the start ({@code -h}, {@code -L})
 * @param mode what the process may do that MOSIX cannot migrate
 * @param hint what kind of job it is, for policies: {@code cpu} ({@code -c}), {@code io} ({@code -i}), or empty
 * @param checkpointNanos {@code mosrun -C}: the virtual time between its checkpoints, or 0 for none
 * @param owner the user it runs as ({@link #USER}, the shell's, by default), whom its children inherit
 * @param cwd the working directory it starts in (the shell's), absolute
 */
public record RunOptions(int start, boolean locked, Mode mode, String hint, long checkpointNanos, String owner, String cwd) {
    public static final int HOME = 0;
    public static final int BEST = -1;
    /** The user the shell's processes run as. */
    public static final String USER = "user";
    /** The privileged user: may signal and alter any process, and has no process limit. */
    public static final String ROOT = "root";
    public static final RunOptions DEFAULT = new RunOptions(HOME, false, Mode.STRICT);

    public RunOptions {
        if (owner == null || !owner.matches("[a-z_][a-z0-9_-]{0,31}")) {
            throw new IllegalArgumentException("a user name is a lowercase letter or _, then up to 31 of a-z, 0-9, _ and -, got '" + owner + "'");
        }
        if (cwd == null || !cwd.startsWith("/")) {
            throw new IllegalArgumentException("a working directory is an absolute path, got '" + cwd + "'");
        }
    }

    public RunOptions(int start, boolean locked, Mode mode, String hint, long checkpointNanos) {
        this(start, locked, mode, hint, checkpointNanos, USER, "/");
    }

    /** The same options for a process of another user. */
    public RunOptions as(String user) {
        return new RunOptions(start, locked, mode, hint, checkpointNanos, user, cwd);
    }

    public RunOptions(int start, boolean locked, Mode mode) {
        this(start, locked, mode, "");
    }

    public RunOptions(int start, boolean locked, Mode mode, String hint) {
        this(start, locked, mode, hint, 0);
    }

    /** The same options, starting in {@code cwd}. */
    public RunOptions in(String cwd) {
        return new RunOptions(start, locked, mode, hint, checkpointNanos, owner, cwd);
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
