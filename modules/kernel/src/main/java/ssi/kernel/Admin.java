package ssi.kernel;

import java.util.BitSet;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import ssi.scheduler.Usage;

/**
 * The admin switches of each node, with openMosix's names: {@code block} (refuse guests),
 * {@code stay} (no automatic migration away), {@code lstay} (its own processes stay), {@code quiet}
 * (send no load information), {@code nomfs} (no MFS to or from it). {@code expel} and {@code bring}
 * are actions, done by the kernel.
 */
final class Admin {
    static final Map<String, Integer> SWITCHES = Map.of("block", 0, "stay", 1, "lstay", 2, "quiet", 3, "nomfs", 4);

    private final Image image;
    private int maxProcesses; // the cluster's per-user process limit
    private BitSet[] flags;
    private int[][] decays; // per node: {slow, fast}, kept per 1000
    private double[][] marks; // per node: {red, blue}, loads of the standard processor; 0 is off (MOSIX2's freezing)

    Admin(Image image) {
        this.image = image;
        this.maxProcesses = image.maxProcesses();
        this.flags = new BitSet[image.nodes().size() + 1];
        for (int n = 1; n < flags.length; n++) {
            flags[n] = new BitSet();
            flags[n].set(SWITCHES.get("nomfs"), image.spec(n).nomfs());
        }
        decays = new int[flags.length][];
        marks = new double[flags.length][];
        for (int n = 1; n < flags.length; n++) {
            decays[n] = defaultDecays();
            Image.Marks m = image.marks().get(n - 1);
            marks[n] = new double[] {m.red(), m.blue()};
        }
    }

    private static int[] defaultDecays() {
        return new int[] {(int) Math.round(Usage.SLOW_DECAY * 1000), (int) Math.round(Usage.FAST_DECAY * 1000)};
    }

    double decay(int node, boolean slow) {
        return decays[node][slow ? 0 : 1] / 1000.0;
    }

    /** Sets a node's slow and fast decay, kept per 1000 of the past each period (MOSIX's units). */
    void setDecay(int node, int slow, int fast) {
        decays[node] = new int[] {slow, fast};
    }

    /** A node joined, with its switches off (but nomfs if it says so). */
    void addNode(ssi.api.NodeSpec n) {
        flags = java.util.Arrays.copyOf(flags, n.id() + 1);
        flags[n.id()] = new BitSet();
        flags[n.id()].set(SWITCHES.get("nomfs"), n.nomfs());
        decays = java.util.Arrays.copyOf(decays, n.id() + 1);
        decays[n.id()] = defaultDecays();
        marks = java.util.Arrays.copyOf(marks, n.id() + 1);
        marks[n.id()] = new double[2];
    }

    /** The load above which a node freezes the newest of its own processes; 0: off. */
    double redMark(int node) {
        return marks[node][0];
    }

    /** The load below which a node continues the processes its red mark froze; 0: off. */
    double blueMark(int node) {
        return marks[node][1];
    }

    void setMarks(int node, double red, double blue) {
        marks[node] = new double[] {red, blue};
    }

    boolean is(int node, String name) {
        return flags[node].get(SWITCHES.get(name));
    }

    void set(int node, String name, boolean on) {
        flags[node].set(SWITCHES.get(name), on);
    }

    int maxProcesses() {
        return maxProcesses;
    }

    void setMaxProcesses(int n) {
        maxProcesses = n;
    }

    /** Every admin file of a node and its value, as text; {@code speed} is its speed now. */
    Map<String, String> files(int node, double speed) {
        Map<String, String> out = new TreeMap<>();
        SWITCHES.keySet().forEach(name -> out.put(name, is(node, name) ? "1" : "0"));
        out.put("expel", "0");
        out.put("bring", "0");
        out.put("mospe", String.valueOf(node));
        out.put("speed", String.format(Locale.ROOT, "%.2f", speed));
        out.put("decay-interval", String.format(Locale.ROOT, "%.3f", image.balancing().periodNanos() / 1e9));
        out.put("slow-decay", String.valueOf(decays[node][0]));
        out.put("fast-decay", String.valueOf(decays[node][1]));
        out.put("max-processes", String.valueOf(maxProcesses)); // the cluster's, as decay-interval is
        out.put("red-mark", String.format(Locale.ROOT, "%.2f", marks[node][0]));
        out.put("blue-mark", String.format(Locale.ROOT, "%.2f", marks[node][1]));
        return out;
    }
}
