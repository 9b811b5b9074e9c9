package ssi.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import ssi.api.Migration;
import ssi.synthetic.Demand;

/** A long study keeps the latest migrations only, counts them all, and its listeners hear every one. */
class MigrationLimitTest extends LabTest {
    @Test
    void theKernelKeepsTheLatestMigrationsAndCountsThemAll() throws Exception {
        try (LabRun r = new LabRun(lab, runtime, 1)) {
            int pid = r.kernel.spawnSynthetic(1, new Demand(Long.MAX_VALUE / 2, 4096, 0, 0, 0, 0));
            int total = ssi.migration.Migrations.KEPT + 5;
            for (int i = 0; i < total; i++) {
                r.kernel.migrate(pid, i % 2 == 0 ? "2" : "1");
                while (r.moves.size() == i) {
                    r.kernel.advance(10 * MS);
                }
            }
            List<Migration> kept = r.kernel.migrations();
            assertEquals(total, r.kernel.migrationCount());
            assertEquals(ssi.migration.Migrations.KEPT, kept.size());
            assertEquals(r.moves.subList(5, total), kept, "the latest, in the order they ended");
        }
    }
}
