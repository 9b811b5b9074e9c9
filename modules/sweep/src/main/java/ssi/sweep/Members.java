package ssi.sweep;

import com.hazelcast.cluster.Member;
import com.hazelcast.config.Config;
import com.hazelcast.config.ExecutorConfig;
import com.hazelcast.config.InvalidConfigurationException;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.NetworkConfig;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Starts the Hazelcast members of a sweep: the embedded one (loopback only, no join, no network
 * setting needed), a worker, or a coordinator that joins workers.
 *
 * <p>Strays are kept out by Hazelcast's own join check, which refuses a member whose cluster name
 * differs: the name a member uses is the given one plus a hash of the shared secret, so a member
 * without the secret asks to join a cluster of another name and is refused. The ssi version is a
 * member attribute: a member that joins members of another version shuts itself down with an
 * error naming both, and the coordinator never sends a run to a member of another version (nor does
 * a member run one sent by another version).
 */
public final class Members {
    static final String VERSION = "ssi.version";
    static final String SLOTS = "ssi.slots";
    private static final Logger HAZELCAST_LOG = Logger.getLogger("com.hazelcast");

    /**
     * How a member starts.
     *
     * @param clusterName the cluster's name (members of other names are refused)
     * @param secret a shared secret, or null: members must have the same
     * @param join {@code host:port} of members to join; empty for the embedded member or a first worker
     * @param port the port to listen on (0: the first free one from 5701; with no {@code join}, the embedded member, on loopback only)
     * @param slots runs this member takes at once (0: it only coordinates)
     * @param config a Hazelcast YAML or XML configuration file, or null; the options above go on top of it
     * @param version the ssi version the member announces
     */
    public record Settings(String clusterName, String secret, List<String> join, int port, int slots, Path config, String version) {
        public Settings {
            join = List.copyOf(join);
        }

        /** The embedded default: one member, loopback only, all local cores. */
        public static Settings embedded() {
            return new Settings("ssi", null, List.of(), 0, Runtime.getRuntime().availableProcessors(), null, Version.CURRENT);
        }

        public Settings withSlots(int n) {
            return new Settings(clusterName, secret, join, port, n, config, version);
        }

        public Settings withVersion(String v) {
            return new Settings(clusterName, secret, join, port, slots, config, v);
        }
    }

    private Members() {}

    /**
     * Starts a member that runs sweep tasks on {@code station} (null: a coordinator that runs none).
     *
     * @throws SweepException a bad configuration, a port in use, or members of another ssi version
     */
    public static HazelcastInstance start(Settings s, Station station) throws SweepException {
        if (s.slots() < 0 || s.slots() > 4096) {
            throw new SweepException("--slots wants 0 to 4096, got " + s.slots());
        }
        if (s.port() < 0 || s.port() > 65535) {
            throw new SweepException("--port wants 1 to 65535, got " + s.port());
        }
        quietLogs();
        Config config = config(s);
        if (station != null) {
            config.getUserContext().put(Station.KEY, station);
        }
        HazelcastInstance member;
        try {
            member = Hazelcast.newHazelcastInstance(config);
        } catch (RuntimeException e) {
            throw new SweepException("cannot start a cluster member" + (s.port() > 0 ? " on port " + s.port() : "") + ": " + e.getMessage());
        }
        for (Member other : member.getCluster().getMembers()) {
            String theirs = other.getAttribute(VERSION);
            if (!other.localMember() && !s.version().equals(theirs)) {
                member.shutdown();
                throw new SweepException("refused: member " + other.getAddress() + " of cluster '" + s.clusterName() + "' runs ssi "
                        + (theirs == null ? "(none: not an ssi worker)" : theirs) + ", this is ssi " + s.version() + "; run one ssi version on every machine");
            }
        }
        return member;
    }

    /** Runs a member can take at once, as it announced. */
    static int slots(Member m) {
        try {
            return Integer.parseInt(m.getAttribute(SLOTS));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** The member's configuration: the file's (if any), with ssi's settings on top. */
    static Config config(Settings s) throws SweepException {
        Config config;
        if (s.config() != null) {
            try {
                config = Config.loadFromFile(s.config().toFile());
            } catch (IOException | InvalidConfigurationException | IllegalArgumentException e) {
                throw new SweepException("--config " + s.config() + ": " + e.getMessage().lines().findFirst().orElse("not a Hazelcast configuration"));
            }
        } else {
            config = new Config();
            NetworkConfig net = config.getNetworkConfig();
            net.getJoin().getTcpIpConfig().setEnabled(!s.join().isEmpty() || s.port() > 0).setMembers(s.join());
            if (s.join().isEmpty() && s.port() == 0) { // the embedded member: loopback only
                net.getInterfaces().setEnabled(true).addInterface("127.0.0.1");
                config.setProperty("hazelcast.socket.bind.any", "false");
            }
            if (s.port() == 0) { // the first free port from Hazelcast's own
                net.setPort(5701).setPortAutoIncrement(true).setPortCount(1000);
            } else {
                net.setPort(s.port()).setPortAutoIncrement(false);
            }
            config.setClusterName(s.clusterName());
        }
        JoinConfig join = config.getNetworkConfig().getJoin();
        join.getMulticastConfig().setEnabled(false);     // never answer strangers on the LAN, whatever a file says
        join.getAutoDetectionConfig().setEnabled(false); // nor look for clouds' discovery services: members are named
        config.setClusterName(clusterName(config.getClusterName(), s.secret()));
        config.setProperty("hazelcast.phone.home.enabled", "false"); // no call home from a researcher's machine
        config.setProperty("hazelcast.logging.type", "jdk");        // quietLogs() keeps it off the shell
        config.setProperty("hazelcast.wait.seconds.before.join", "1"); // a sweep starts in seconds, not the default 5
        config.setProperty("hazelcast.heartbeat.interval.seconds", "1"); // a member that hangs loses its runs to others
        config.setProperty("hazelcast.max.no.heartbeat.seconds", "30");  // in 30 s, not the default 60 (a killed one: at once)
        config.getMemberAttributeConfig().setAttribute(VERSION, s.version()).setAttribute(SLOTS, String.valueOf(s.slots()));
        config.addExecutorConfig(new ExecutorConfig(RunTask.EXECUTOR).setPoolSize(Math.max(1, s.slots())).setStatisticsEnabled(false));
        return config;
    }

    /** The name members use: the cluster's, plus a hash of the secret so that only members knowing it share the name. */
    static String clusterName(String name, String secret) {
        if (secret == null || secret.isEmpty()) {
            return name;
        }
        return name + "-" + ImageArchive.sha256((name + "\n" + secret).getBytes(StandardCharsets.UTF_8)).substring(0, 24);
    }

    /**
     * Hazelcast's messages (banner, joins, members lost) go to {@code ~/.ssi/hazelcast.log} at
     * WARNING and up, not to the shell's terminal; the sweep reports what matters in its own words.
     */
    static synchronized void quietLogs() {
        if (HAZELCAST_LOG.getLevel() != null) {
            return; // done, or set by whoever runs us
        }
        HAZELCAST_LOG.setLevel(Level.WARNING);
        HAZELCAST_LOG.setUseParentHandlers(false);
        try {
            Path dir = Path.of(System.getProperty("user.home"), ".ssi");
            Files.createDirectories(dir);
            var file = new java.util.logging.FileHandler(dir.resolve("hazelcast.log").toString(), 1 << 20, 2, true);
            file.setFormatter(new java.util.logging.SimpleFormatter());
            HAZELCAST_LOG.addHandler(file);
        } catch (IOException e) {
            // no log file: Hazelcast's warnings are dropped, the sweep's own messages remain
        }
    }
}
