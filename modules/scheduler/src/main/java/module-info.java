/** Per-node CPU sharing and load information: shares of a quantum, the MOSIX load index, gossip of load vectors. */
module ssi.scheduler {
    requires transitive ssi.api; // NodeLoad appears in the information window's API
    exports ssi.scheduler;
}
