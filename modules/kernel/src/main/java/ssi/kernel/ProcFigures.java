package ssi.kernel;

import ssi.migration.AddressSpace;
import ssi.migration.CantMove;
import ssi.migration.Freezing;
import ssi.migration.Move;
import ssi.scheduler.Usage;

/**
 * The fields of a process that every balancing period reads (a large study has 100,000
 * processes): kept in a superclass of {@link Proc} because HotSpot lays a superclass's fields out
 * before a subclass's, so these sit together in a cache line or two instead of spread among the rest.
 */
abstract sealed class ProcFigures extends Task permits Proc {
    final int pid;
    final int home;
    int where;                 // read by the guest thread (it cannot change while the guest runs)
    int nmigs;
    final long created;
    long arrived;              // when it came to the node it runs on
    long ioCalls;              // I/O calls wherever they ran (the guest thread counts local ones)
    long usageFrom;            // the first quantum whose CPU sample its usage has not counted yet
    volatile boolean locked;   // set by the guest thread (ssi.lock)
    final Usage usage;
    final AddressSpace memory; // touched by the guest thread (ssi.touch) while it runs
    boolean cruising;          // it cruises on its node (see Cruises) instead of running by slices
    Move move;                 // the migration in flight, or null
    Freezing.Frozen frozen;    // its image on its home's disk while frozen, or null
    CantMove confined;         // MONKEY or NATIVE once it may not leave home
    final String hint;         // mosrun -c / -i

    ProcFigures(int pid, int home, int where, long created, String hint, AddressSpace memory, CantMove confined) {
        this.pid = pid;
        this.home = home;
        this.where = where;
        this.created = created;
        this.arrived = created;
        this.hint = hint;
        this.usage = new Usage(!hint.isEmpty());
        this.memory = memory;
        this.confined = confined;
    }
}
