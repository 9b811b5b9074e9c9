/** A test kit for policy plugins: runs a policy through standard scenarios on a real cluster and reports figures. */
module ssi.policy.testkit {
    requires transitive ssi.kernel; // Figures carry the kernel's migration records
    requires ssi.guest;             // one guest runtime shared by every scenario
    exports ssi.policy.testkit;     // to the plugins' scenario tests
}
