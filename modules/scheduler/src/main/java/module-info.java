/**
 * Where processes run: each node's CPUs shared in a quantum, the load index, gossip of load
 * vectors, process statistics, and the balancer that asks the policy plugins and disposes of their proposals.
 */
module ssi.scheduler {
    requires transitive ssi.api; // NodeSpec, the policy SPI and the views policies see appear in this module's API
    exports ssi.scheduler;       // to the kernel (Balancer, NodeCpus, Usage) and to bench (Gossip, measured alone)
}
