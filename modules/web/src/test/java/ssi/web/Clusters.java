package ssi.web;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import ssi.kernel.Image;
import ssi.kernel.Kernel;
import ssi.synthetic.Demand;

/** The clusters the web view's tests watch: paper5 with synthetic processes that never end, so only controls move them. */
final class Clusters {
    static final Path PAPER5 = Path.of("../../images/paper5");

    private Clusters() {}

    /** paper5 booted with seed 1, automatic migration off, and {@code n} endless processes at node 1, one quantum run. */
    static Kernel paper5(int n, List<Integer> pids) throws Exception {
        Kernel kernel = Kernel.boot(Image.load(PAPER5), 1);
        kernel.usePolicy("none", Map.of());
        for (int i = 0; i < n; i++) {
            pids.add(kernel.spawnSynthetic(1, endless()));
        }
        kernel.advance(kernel.image().quantumNanos());
        return kernel;
    }

    static List<Integer> pids() {
        return new ArrayList<>();
    }

    /** A process that computes forever in 1 MB. */
    static Demand endless() {
        return new Demand(Long.MAX_VALUE / 4, 1 << 20, 0, 0, 0, 0);
    }

    /** Everything a control could change, as text: a refused one leaves it equal. */
    static String world(Kernel kernel) {
        synchronized (kernel) {
            return kernel.now() + "\n" + kernel.pace() + "\n" + kernel.policy() + "\n" + kernel.ps() + "\n" + kernel.migrations() + "\n"
                    + kernel.nodes().stream().map(n -> n.spec() + " up=" + kernel.up(n.spec().id())).toList();
        }
    }
}
