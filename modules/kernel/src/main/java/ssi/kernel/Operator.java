package ssi.kernel;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import ssi.api.MigrationReason;
import ssi.api.NodeSpec;
import ssi.api.PolicyException;
import ssi.api.Signal;

/**
 * What an operator does to the running cluster, between quanta: signals and migrates processes,
 * and crashes, restarts, shuts down, adds and tunes nodes (speed, decay, admin switches, the
 * process limit). Each change is traced.
 */
final class Operator {
    private final Kernel k;

    Operator(Kernel k) {
        this.k = k;
    }

    private long now() {
        return k.quantum.now();
    }

    private Proc live(int pid) throws KernelException {
        Proc p = k.processes.get(pid);
        if (p == null || !p.alive()) {
            throw new KernelException("no process " + pid);
        }
        return p;
    }

    /** Sends a signal from the shell: it acts at once, between quanta (SIGKILL ends even an endless loop). */
    void kill(int pid, Signal signal) throws KernelException {
        Proc p = live(pid);
        k.trace.log(now(), "kill pid=" + pid + " signal=" + signal);
        k.cruises.uncruise(p); // the signal needs it as it is
        k.ipc.signalNow(p, signal, now());
    }

    /**
     * Migrates a process (as {@code migrate PID NODE|home} does): it is frozen now and moves in the
     * quanta that follow. Refused, with the reason, if it cannot move.
     *
     * @param target a node id, a node name, {@code home}, or {@code balance} (the node where it would get the most CPU); or
     *     {@code freeze} (its image to its home's disk) or {@code continue} (back from there), as MOSIX2's {@code migrate} has them
     */
    void migrate(int pid, String target) throws KernelException {
        switch (target.strip()) {
            case "freeze" -> {
                k.freezing.freeze(pid);
                return;
            }
            case "continue" -> {
                k.freezing.thaw(pid);
                return;
            }
            default -> { }
        }
        Proc p = live(pid);
        int to = target.strip().equals("balance") ? k.nodes.best(p.memory.bytes(), p, p.home) : k.image().nodeId(target, p.home);
        if (to == p.where) {
            throw new KernelException("process " + pid + " already runs on " + k.nodes.spec(to).name()
                    + (target.strip().equals("balance") ? ", the best node for it" : ""));
        }
        String refused = k.migrations.start(p, to, MigrationReason.MANUAL, now(), false, null);
        if (refused != null) {
            throw new KernelException(refused);
        }
    }

    /**
     * Node {@code node} fails, as a MOSIX node that crashes: the processes running there die, and
     * so do those whose home it was (their deputies are gone), wherever they run. Its files stay as
     * they were last committed: what was written but not closed is lost, never torn; until it is
     * back, its files are out of reach.
     */
    void crash(int node) throws KernelException {
        k.image().requireNode(node);
        k.nodes.requireUp(node);
        k.nodes.crashed(node);
        k.trace.log(now(), "crash node=" + node);
        for (Proc p : List.copyOf(k.processes.all())) {
            if (p.alive() && (p.where == node || p.home == node)) {
                k.processes.exit(p, 128 + Signal.SIGKILL.number(), now());
            }
        }
        k.files().crash(node);
    }

    /** A crashed node comes back, empty (its files are as they were last closed); a node shut down rejoins. */
    void restart(int node) throws KernelException {
        k.image().requireNode(node);
        Admin admin = k.nodes.admin;
        boolean left = admin.is(node, "block") && admin.is(node, "quiet") && admin.is(node, "stay");
        if (k.nodes.up(node) && !left) {
            throw new KernelException("node " + node + " is up");
        }
        k.nodes.restarted(node);
        k.files().restart(node);
        for (String s : List.of("block", "quiet", "stay")) {
            admin.set(node, s, false);
        }
        k.trace.log(now(), "restart node=" + node);
    }

    /**
     * Node {@code node} leaves the cluster in order, as MOSIX shuts a node down: its guests are
     * expelled to their homes and its processes elsewhere brought home, losing none; from then on it
     * refuses guests, sends no load information and migrates nothing away (block, quiet, stay) until
     * it is restarted. Its own processes go on running there.
     */
    void shutdown(int node) throws KernelException {
        k.image().requireNode(node);
        k.nodes.requireUp(node);
        for (String s : List.of("block", "quiet", "stay")) {
            k.nodes.admin.set(node, s, true);
        }
        k.trace.log(now(), "shutdown node=" + node);
        homeComing(node, true);
        homeComing(node, false);
    }

    /**
     * Sets an admin switch of a node ({@code block}, {@code stay}, {@code lstay}, {@code quiet},
     * {@code nomfs}), or runs {@code expel} (its guests go home) or {@code bring} (its processes
     * elsewhere come home) when {@code on}.
     */
    void setAdmin(int node, String name, boolean on) {
        if (k.image().node(node).isEmpty()) {
            throw new IllegalArgumentException("no node " + node);
        }
        switch (name) {
            case "expel", "bring" -> {
                if (on) {
                    homeComing(node, name.equals("expel"));
                }
            }
            default -> {
                if (!Admin.SWITCHES.containsKey(name)) {
                    throw new IllegalArgumentException("no admin switch '" + name + "' (known: block, stay, lstay, quiet, nomfs, expel, bring)");
                }
                k.nodes.admin.set(node, name, on);
                k.trace.log(now(), "admin node=" + node + " " + name + "=" + (on ? 1 : 0));
            }
        }
    }

    /** {@code expel}: a node's guests go home; {@code bring}: a node's processes elsewhere come home. */
    private void homeComing(int node, boolean expel) {
        for (Proc p : List.copyOf(k.processes.all())) {
            if (p.alive() && p.move == null && (expel ? p.where == node && p.home != node : p.home == node && p.where != node)) {
                String refused = k.migrations.start(p, p.home, MigrationReason.HOME_COMING, now(), false, null);
                k.trace.log(now(), (expel ? "expel" : "bring") + " pid=" + p.pid + (refused == null ? "" : " refused: " + refused));
            }
        }
    }

    /**
     * A node joins the running cluster (openMosix's auto-discovery): it gets the next id, an empty
     * disk ({@code /mfs/N}), its own instance of the policy in use, and is found by the others'
     * gossip, after which balancing uses it. Returns its id.
     */
    int addNode(String name, double speed, int cpus, long memory, long disk) throws KernelException {
        Image image = k.image();
        if (!Image.nodeName(name) || image.nodes().stream().anyMatch(n -> n.name().equals(name))) {
            throw new KernelException("a new node needs a name of its own (a letter, then up to 31 letters, digits, _ or -), got '" + name + "'");
        }
        if (!Image.SPEED.holds(speed) || !Image.CPUS.holds(cpus) || !Image.MEMORY_MB.holds(memory / (double) (1 << 20))
                || !Image.DISK_MB.holds(disk / (double) (1 << 20))) {
            throw new KernelException("a new node needs a speed " + Image.SPEED.describe() + ", CPUs " + Image.CPUS.describe() + ", MB of memory "
                    + Image.MEMORY_MB.describe() + " and of disk " + Image.DISK_MB.describe() + ", got speed=" + speed + " cpus=" + cpus
                    + " mem=" + (memory >> 20) + " disk=" + (disk >> 20));
        }
        Image grown = image.withNode(name, speed, cpus, memory, disk);
        NodeSpec n = grown.spec(grown.nodes().size());
        try {
            k.files().addNode(disk);
        } catch (IOException e) {
            throw new KernelException("node " + name + ": cannot make its disk: " + e.getMessage());
        }
        try {
            k.balancer.addNode(n);
        } catch (PolicyException e) {
            throw new KernelException(e.getMessage());
        }
        k.nodes.add(n);
        k.clusters.rules.grow(n.id());
        k.grow(grown);
        k.quantum.cpus.grow(n.id());
        k.cruises.grow(n.id());
        k.trace.log(now(), "node add id=" + n.id() + " name=" + name + " speed=" + speed + " cpus=" + cpus + " mem=" + memory);
        return n.id();
    }

    /** Sets a node's speed (relative to the standard processor), as openMosix's {@code mosctl setspeed} does: from the next quantum on. */
    void setSpeed(int node, double speed) throws KernelException {
        k.image().requireNode(node);
        if (!Image.SPEED.holds(speed)) {
            throw new KernelException("a speed must be a number " + Image.SPEED.describe() + " (1.0 is the standard processor), got "
                    + (Double.isFinite(speed) ? new BigDecimal(speed).stripTrailingZeros().toPlainString() : speed));
        }
        k.cruises.forEachMember(node, k.cruises::catchUp); // their CPU time so far at the old speed
        k.nodes.setSpeed(node, speed);
        k.trace.log(now(), "admin node=" + node + " speed=" + speed);
    }

    /**
     * Sets how much of the past a node's process statistics keep each period, per 1000 (openMosix's
     * {@code slow-decay} for processes whose kind was hinted, {@code fast-decay} for the others).
     */
    void setDecay(int node, int slow, int fast) throws KernelException {
        k.image().requireNode(node);
        if (slow < 0 || slow > 1000 || fast < 0 || fast > 1000) {
            throw new KernelException("decays are thousandths of the past kept each period, 0-1000, got slow " + slow + " fast " + fast);
        }
        k.nodes.admin.setDecay(node, slow, fast);
        k.trace.log(now(), "admin node=" + node + " slow-decay=" + slow + " fast-decay=" + fast);
    }

    /** Sets a node's freezing marks (MOSIX2): freeze its newest own processes above {@code red}, continue them below {@code blue}; 0 is off. */
    void setMarks(int node, double red, double blue) throws KernelException {
        k.image().requireNode(node);
        if (!Image.MARK.holds(red) || !Image.MARK.holds(blue) || red > 0 && blue >= red) {
            throw new KernelException("marks are loads " + Image.MARK.describe() + " (0: off), the blue under the red, got red " + red + " blue " + blue);
        }
        k.nodes.admin.setMarks(node, red, blue);
        k.trace.log(now(), "admin node=" + node + " red-mark=" + red + " blue-mark=" + blue);
    }

    /** Sets the per-user process limit; processes beyond a lowered one go on, and no more start. */
    void setMaxProcesses(int n) throws KernelException {
        if (!Image.PROCESSES.holds(n)) {
            throw new KernelException("the process limit is a whole number of processes per user " + Image.PROCESSES.describe() + ", got " + n);
        }
        k.nodes.admin.setMaxProcesses(n);
        k.trace.log(now(), "admin max-processes=" + n);
    }

    /** Switches the cluster's policy (each node gets its own instance); the current one stays if this fails. */
    void usePolicy(String name, Map<String, String> settings) throws KernelException {
        try {
            k.balancer.use(name, settings);
        } catch (PolicyException e) {
            throw new KernelException(e.getMessage());
        }
        k.trace.log(now(), "policy " + k.balancer.describe());
    }

    /** Unloads a plugin loaded at run time; refused while it is the policy in use. */
    void unloadPolicy(Policies policies, String name) throws KernelException {
        if (k.balancer.policyName().equals(name)) {
            throw new KernelException("'" + name + "' is in use: switch to another policy first");
        }
        policies.unload(name);
    }

    /** The admin files of a node and their values, as {@code /proc/mosix/admin} shows them. */
    Map<String, String> admin(int node) throws KernelException {
        k.image().requireNode(node);
        return k.nodes.admin.files(node, k.nodes.spec(node).speed());
    }
}
