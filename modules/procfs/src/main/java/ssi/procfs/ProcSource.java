package ssi.procfs;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import ssi.api.ClusterInfo;
import ssi.api.Job;
import ssi.api.Migration;
import ssi.api.NodeInfo;
import ssi.api.ProcessInfo;
import ssi.api.ProcessView;

/**
 * The cluster as /proc shows it and acts on it (the kernel implements it). A refused action throws
 * {@link IllegalArgumentException} with the reason.
 */
public interface ProcSource {
    List<NodeInfo> nodes();

    boolean up(int node);

    /** The live processes' pids, in order. */
    List<Integer> pids();

    Optional<ProcessInfo> process(int pid);

    /** What a policy sees of a process now: its recent CPU, I/O and IPC rates. */
    Optional<ProcessView> usage(int pid);

    List<Migration> migrations(int pid);

    /** The node a reader stands on: where its process runs, or the shell's node for reader 0. */
    int standsOn(int reader);

    /** The admin switches of a node, by their openMosix names, as text. */
    Map<String, String> admin(int node);

    /** Sets a switch of a node (or runs {@code expel}, {@code bring}). */
    void admin(int node, String name, String value);

    /** Moves a process to a node (id or name) or {@code home}. */
    void migrate(int pid, String target);

    void lock(int pid, boolean locked);

    /** The queue's jobs ({@code mosrun -q}), in job order. */
    List<Job> jobs();

    /** The clusters of the multi-cluster (one in a one-cluster image). */
    List<ClusterInfo> clusters();

    /** Connects ({@code on}) or disconnects a cluster, as asked from node {@code from}. */
    void connect(String cluster, boolean on, int from);

    /** Sets a cluster's priority for another's processes ({@code none}: it takes none). */
    void priority(String cluster, String other, String value);

    /** Whether a reader (a process, or 0 for the shell, the administrator) may alter process {@code pid}: Unix's rule, the same owner or privileged. */
    boolean mayAlter(int reader, int pid);
}
