/**
 * JMH benchmarks of what a large study repeats millions of times: a node's gossip, a policy's
 * decision, a synthetic process's quantum, a forwarded call, a migration. Open, so that JMH's
 * generated harnesses (in a package of their own) can be reached by reflection.
 */
open module ssi.bench {
    requires ssi.kernel;       // the cluster the scenarios run
    requires ssi.guest;        // one guest runtime for all their kernels
    requires ssi.scheduler;    // gossip, measured alone
    requires ssi.synthetic;    // the demands of synthetic processes
    requires ssi.api;          // a policy and the view it decides on
    requires jmh.core;         // the harness
    exports ssi.bench;         // the entry point bench calls
    uses ssi.api.PolicyProvider; // mosix, to time its decision
}
