package ssi.procfs;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import ssi.api.ClusterInfo;
import ssi.api.Migration;
import ssi.api.NodeInfo;
import ssi.api.ProcessInfo;
import ssi.api.ProcessView;
import ssi.mfs.ProcFiles;

/**
 * The /proc tree, with openMosix's names:
 * <ul>
 * <li>{@code mosix/nodes/<id>/}: {@code cpus}, {@code load}, {@code speed}, {@code mem} (free),
 *     {@code tmem} (total), {@code rmem} (used by processes), {@code util} (%), {@code status};</li>
 * <li>{@code mosix/admin/}: the switches of the node the reader stands on, and the cluster's
 *     {@code max-processes} (the per-user process limit); only the shell (the cluster's
 *     administrator) may write them;</li>
 * <li>{@code mosix/clusters/<name>/}: MOSIX2's multi-cluster: {@code nodes}, {@code owner},
 *     {@code connected} (write 1 or 0 to connect or disconnect), {@code priority} (its priority for
 *     each other cluster, a line each; write {@code OTHER N} or {@code OTHER none}), {@code guests},
 *     {@code away}; only the shell may write them;</li>
 * <li>{@code mosix/queue}: MOSIX2's job queue, a line per job: job, priority, state, pid, submitted (s), command;</li>
 * <li>{@code <pid>/} and {@code self/}: {@code where} (write a node or {@code home} to migrate),
 *     {@code goto}, {@code from} (its home), {@code lock}, {@code nmigs}, {@code cantmove},
 *     {@code stat}, {@code migrations}, {@code status}. A process may change the processes of its own
 *     user (root: any), as Unix's rule for signals has it; the shell may change any.</li>
 * </ul>
 */
public final class ProcFs implements ProcFiles {
    private static final List<String> NODE_FILES = List.of("cpus", "load", "mem", "rmem", "speed", "status", "tmem", "util");
    private static final List<String> CLUSTER_FILES = List.of("away", "connected", "guests", "nodes", "owner", "priority");
    private static final List<String> PROCESS_FILES = List.of("cantmove", "from", "goto", "lock", "migrations", "nmigs", "stat", "status", "where");
    /** Admin files that only report. */
    private static final Set<String> READ_ONLY = Set.of("mospe", "decay-interval");

    private final ProcSource cluster;

    public ProcFs(ProcSource cluster) {
        this.cluster = cluster;
    }

    @Override
    public List<String> list(String path, int reader) throws IOException {
        String[] p = parts(path);
        if (p.length == 0) {
            List<String> out = new ArrayList<>(List.of("mosix/", "self/"));
            cluster.pids().forEach(pid -> out.add(pid + "/"));
            return out;
        }
        if (p.length == 1 && p[0].equals("mosix")) {
            return List.of("admin/", "clusters/", "nodes/", "queue");
        }
        if (p.length == 2 && p[0].equals("mosix") && p[1].equals("clusters")) {
            return cluster.clusters().stream().map(c -> c.name() + "/").toList();
        }
        if (p.length == 3 && p[0].equals("mosix") && p[1].equals("clusters")) {
            clusterNamed(path, p[2]);
            return CLUSTER_FILES;
        }
        if (p.length == 2 && p[0].equals("mosix") && p[1].equals("nodes")) {
            return cluster.nodes().stream().map(n -> n.spec().id() + "/").toList();
        }
        if (p.length == 3 && p[0].equals("mosix") && p[1].equals("nodes")) {
            node(path, p[2]);
            return NODE_FILES;
        }
        if (p.length == 2 && p[0].equals("mosix") && p[1].equals("admin")) {
            return cluster.admin(cluster.standsOn(reader)).keySet().stream().sorted().toList();
        }
        if (p.length == 1) {
            process(path, p[0], reader);
            return PROCESS_FILES;
        }
        if (isFile(p, reader)) {
            throw new java.nio.file.NotDirectoryException("/proc/" + path);
        }
        throw missing(path);
    }

    @Override
    public boolean isDirectory(String path, int reader) throws IOException {
        String[] p = parts(path);
        if (isFile(p, reader)) {
            return false;
        }
        list(path, reader); // throws if there is no such directory
        return true;
    }

    private boolean isFile(String[] p, int reader) {
        if (p.length == 2 && p[0].equals("mosix") && p[1].equals("queue")) {
            return true;
        }
        if (p.length == 4 && p[0].equals("mosix") && p[1].equals("nodes")) {
            return NODE_FILES.contains(p[3]);
        }
        if (p.length == 3 && p[0].equals("mosix") && p[1].equals("admin")) {
            return cluster.admin(cluster.standsOn(reader)).containsKey(p[2]);
        }
        if (p.length == 4 && p[0].equals("mosix") && p[1].equals("clusters")) {
            return CLUSTER_FILES.contains(p[3]) && cluster.clusters().stream().anyMatch(c -> c.name().equals(p[2]));
        }
        return p.length == 2 && !p[0].equals("mosix") && PROCESS_FILES.contains(p[1]);
    }

    @Override
    public String read(String path, int reader) throws IOException {
        String[] p = parts(path);
        if (!isFile(p, reader)) {
            throw new FileSystemException("/proc/" + path, null, p.length == 0 || !isFileShaped(p) ? "is a directory or nothing" : "no such file");
        }
        if (p[0].equals("mosix") && p[1].equals("nodes")) {
            return nodeFile(node(path, p[2]), p[3]) + "\n";
        }
        if (p[0].equals("mosix") && p[1].equals("queue")) {
            return cluster.jobs().stream().map(j -> String.format(Locale.ROOT, "%d %d %s %d %.3f %s%n", j.id(), j.priority(),
                    j.state().startsWith("failed") ? "failed" : j.state(), j.pid(), j.submitted() / 1e9, j.command())).collect(Collectors.joining());
        }
        if (p[0].equals("mosix") && p[1].equals("clusters")) {
            return clusterFile(clusterNamed(path, p[2]), p[3]);
        }
        if (p[0].equals("mosix")) {
            return cluster.admin(cluster.standsOn(reader)).get(p[2]) + "\n";
        }
        return processFile(process(path, p[0], reader), p[1]);
    }

    private static boolean isFileShaped(String[] p) {
        return p.length >= 2;
    }

    private String nodeFile(NodeInfo n, String name) {
        int id = n.spec().id();
        boolean up = cluster.up(id);
        return switch (name) {
            case "cpus" -> String.valueOf(n.spec().cpus());
            case "load" -> String.format(Locale.ROOT, "%.2f", n.loadIndex());
            case "speed" -> String.format(Locale.ROOT, "%.2f", n.spec().speed());
            case "mem" -> String.valueOf(n.freeMemory());
            case "tmem" -> String.valueOf(n.spec().memory());
            case "rmem" -> String.valueOf(n.spec().memory() - n.freeMemory());
            case "util" -> String.valueOf(Math.round(Math.min(1, n.load() * n.spec().speed()) * 100));
            case "status" -> (up ? "up" : "down") + cluster.admin(id).entrySet().stream()
                    .filter(e -> Set.of("block", "stay", "lstay", "quiet", "nomfs").contains(e.getKey()) && e.getValue().equals("1"))
                    .map(e -> " " + e.getKey()).sorted().collect(Collectors.joining());
            default -> throw new IllegalStateException(name);
        };
    }

    private static String clusterFile(ClusterInfo c, String name) {
        return switch (name) {
            case "nodes" -> c.nodes().stream().map(String::valueOf).collect(Collectors.joining(" ")) + "\n";
            case "owner" -> c.owner() + "\n";
            case "connected" -> (c.connected() ? 1 : 0) + "\n";
            case "priority" -> c.priorities().entrySet().stream().map(e -> e.getKey() + " " + e.getValue() + "\n").collect(Collectors.joining());
            case "guests" -> c.guests() + "\n";
            case "away" -> c.away() + "\n";
            default -> throw new IllegalStateException(name);
        };
    }

    private ClusterInfo clusterNamed(String path, String name) throws NoSuchFileException {
        return cluster.clusters().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow(() -> missing(path));
    }

    private String processFile(ProcessInfo p, String name) {
        return switch (name) {
            case "where", "goto" -> p.where() + "\n";
            case "from" -> p.home() + "\n";
            case "lock" -> (p.locked() ? 1 : 0) + "\n";
            case "nmigs" -> p.nmigs() + "\n";
            case "cantmove" -> (p.cantmove().isEmpty() ? "" : p.cantmove() + "\n");
            case "status" -> p.state().letter() + " (" + p.state().name().toLowerCase(Locale.ROOT) + ")\n";
            case "stat" -> stat(p);
            case "migrations" -> migrations(p.pid());
            default -> throw new IllegalStateException(name);
        };
    }

    private String stat(ProcessInfo p) {
        StringBuilder b = new StringBuilder();
        b.append("pid ").append(p.pid()).append('\n').append("ppid ").append(p.ppid()).append('\n').append("owner ").append(p.owner()).append('\n')
                .append("state ").append(p.state().letter()).append('\n').append("home ").append(p.home()).append('\n')
                .append("where ").append(p.where()).append('\n')
                .append(String.format(Locale.ROOT, "cpu %.6f%n", p.cpuSeconds())).append("work ").append(p.work()).append('\n')
                .append("memory ").append(p.memory()).append('\n').append("heap ").append(p.heap()).append('\n').append("dirty ").append(p.dirty()).append('\n')
                .append("nmigs ").append(p.nmigs()).append('\n').append("forwarded ").append(p.forwarded()).append('\n')
                .append(String.format(Locale.ROOT, "deputy_cpu %.6f%n", p.deputySeconds()));
        cluster.usage(p.pid()).ifPresent((ProcessView v) -> b.append(String.format(Locale.ROOT, "cpu_share %.3f%n", v.cpu()))
                .append(String.format(Locale.ROOT, "io_calls %.1f%n", v.io()))
                .append("file_bytes ").append(rates(v.files())).append('\n')
                .append("ipc_bytes ").append(rates(v.ipc())).append('\n'));
        return b.append("command ").append(p.command()).append('\n').toString();
    }

    /** Rates by node as {@code node:bytes/s ...}, or {@code -}. */
    private static String rates(Map<Integer, Double> byNode) {
        return byNode.isEmpty() ? "-" : byNode.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey() + ":" + Math.round(e.getValue())).collect(Collectors.joining(" "));
    }

    private String migrations(int pid) {
        StringBuilder b = new StringBuilder("from to reason start_ns frozen_ns negotiation_ns transfer_ns pages bytes outcome\n");
        for (Migration m : cluster.migrations(pid)) {
            b.append(m.from()).append(' ').append(m.to()).append(' ').append(m.reason().label()).append(' ').append(m.requested())
                    .append(' ').append(m.frozen()).append(' ').append(m.negotiation()).append(' ').append(m.transfer()).append(' ')
                    .append(m.pages()).append(' ').append(m.bytes()).append(' ').append(m.outcome()).append('\n');
        }
        return b.toString();
    }

    @Override
    public void write(String path, int reader, String text) throws IOException {
        String[] p = parts(path);
        String value = text.strip();
        String full = "/proc/" + path;
        if (!isFile(p, reader)) {
            throw new FileSystemException(full, null, "no such file to write");
        }
        try {
            if (p[0].equals("mosix") && p[1].equals("nodes")) {
                throw new java.nio.file.AccessDeniedException(full, null, "read-only: a node's figures");
            }
            if (p[0].equals("mosix") && p[1].equals("queue")) {
                throw new java.nio.file.AccessDeniedException(full, null, "read-only: the queue (mosq changes it)");
            }
            if (p[0].equals("mosix") && p[1].equals("clusters")) {
                if (reader != 0) {
                    throw new java.nio.file.AccessDeniedException(full, null, "permission denied: cluster files are for the shell (the cluster's administrator)");
                }
                switch (p[3]) {
                    case "connected" -> cluster.connect(p[2], flag(value), cluster.standsOn(reader));
                    case "priority" -> {
                        String[] w = value.split("\\s+");
                        if (w.length != 2) {
                            throw new IllegalArgumentException("write OTHER N (1-65535, lower is higher) or OTHER none, got '" + value + "'");
                        }
                        cluster.priority(p[2], w[0], w[1]);
                    }
                    default -> throw new java.nio.file.AccessDeniedException(full, null, "read-only: " + p[3]);
                }
                return;
            }
            if (p[0].equals("mosix")) {
                if (reader != 0) {
                    throw new java.nio.file.AccessDeniedException(full, null, "permission denied: node admin files are for the shell (the cluster's administrator)");
                }
                if (READ_ONLY.contains(p[2])) {
                    throw new java.nio.file.AccessDeniedException(full, null, "read-only: " + p[2] + (p[2].equals("mospe") ? " is the node's id"
                            : " is the image's balancing period, which information and balancing follow"));
                }
                cluster.admin(cluster.standsOn(reader), p[2], value);
                return;
            }
            ProcessInfo target = process(path, p[0], reader);
            if (!cluster.mayAlter(reader, target.pid())) {
                throw new java.nio.file.AccessDeniedException(full, null, "permission denied: process " + target.pid() + " belongs to " + target.owner()
                        + ", and process " + reader + " may change only its own user's processes");
            }
            switch (p[1]) {
                case "where", "goto" -> cluster.migrate(target.pid(), value);
                case "lock" -> cluster.lock(target.pid(), flag(value));
                default -> throw new java.nio.file.AccessDeniedException(full, null, "read-only");
            }
        } catch (IllegalArgumentException e) {
            throw new FileSystemException(full, null, e.getMessage());
        }
    }

    /** 0 or 1, as the admin files and {@code lock} take them. */
    public static boolean flag(String value) {
        return switch (value) {
            case "0" -> false;
            case "1" -> true;
            default -> throw new IllegalArgumentException("want 0 or 1, got '" + value + "'");
        };
    }

    private NodeInfo node(String path, String id) throws NoSuchFileException {
        return cluster.nodes().stream().filter(n -> String.valueOf(n.spec().id()).equals(id)).findFirst()
                .orElseThrow(() -> missing(path));
    }

    private ProcessInfo process(String path, String name, int reader) throws NoSuchFileException {
        int pid;
        if (name.equals("self")) {
            if (reader == 0) {
                throw new NoSuchFileException("/proc/" + path, null, "the shell is not a process: no self");
            }
            pid = reader;
        } else if (name.matches("\\d{1,9}")) {
            pid = Integer.parseInt(name);
        } else {
            throw missing(path);
        }
        return cluster.process(pid).orElseThrow(() -> missing(path));
    }

    private static NoSuchFileException missing(String path) {
        return new NoSuchFileException("/proc/" + path, null, "no such file or directory");
    }

    private static String[] parts(String path) {
        return path.isEmpty() ? new String[0] : path.split("/");
    }
}
