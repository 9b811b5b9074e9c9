/**
 * Experiments: scripted workloads of an image run on a fresh kernel from a seed, recorded in virtual
 * time as traces (CSV and JSON lines) with the figures a policy is judged by.
 */
module ssi.experiment {
    requires transitive ssi.kernel;                   // Runner boots a Kernel and hands it to a Console
    requires com.fasterxml.jackson.dataformat.toml;   // experiment files
    requires com.fasterxml.jackson.dataformat.csv;    // traces
    requires com.fasterxml.jackson.databind;          // traces as JSON lines, the summary
    exports ssi.experiment;                           // to the shell (experiment) and plot
    opens ssi.experiment to com.fasterxml.jackson.databind; // records written and read back
}
