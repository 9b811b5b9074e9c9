/**
 * Synthetic processes: a demand model (CPU work, memory, calls home, memory written) in place of
 * guest code, drawn from distributions or read from a trace, run by the same kernel as guests.
 */
module ssi.synthetic {
    requires transitive ssi.guest;                 // ProcessBody, Yield and Syscall: what the kernel drives
    requires com.fasterxml.jackson.dataformat.csv; // demand traces
    requires com.fasterxml.jackson.databind;       // the rows of a trace, as records
    exports ssi.synthetic;                         // to the kernel (spawnSynthetic), the shell and bench (workloads)
    opens ssi.synthetic to com.fasterxml.jackson.databind; // trace rows
}
