/**
 * Experiment sweeps: the cross product of policies, parameter settings and seeds, each run exactly
 * as {@code experiment run} does, spread over the members of a Hazelcast cluster (by default one
 * embedded member using the local cores) and gathered into one table whose content does not depend
 * on which machine ran which run.
 */
module ssi.sweep {
    requires transitive ssi.experiment;               // a run is the experiment module's Runner; callers pass its Consoles
    requires transitive com.hazelcast.core;           // workers and the coordinator are Hazelcast members (in the API: Members.start)
    requires jdk.unsupported;                         // Hazelcast (an automatic module) uses sun.misc.Unsafe
    requires jdk.net;                                 // Hazelcast's TCP keep-alive options (ExtendedSocketOptions)
    requires java.logging;                            // Hazelcast's logging, routed to JUL and kept quiet
    requires com.fasterxml.jackson.dataformat.toml;   // parameter overrides of an image's manifest
    requires com.fasterxml.jackson.dataformat.csv;    // the sweep's table as CSV
    requires com.fasterxml.jackson.databind;          // the sweep's table as JSON
    exports ssi.sweep;                                // to the shell: experiment sweep, worker, bench --sweep
    opens ssi.sweep to com.fasterxml.jackson.databind; // the table's rows are written by reflection
}
