/** A baseline policy: new processes are dealt out to the known nodes in turn; nothing moves afterwards. */
module ssi.policy.roundrobin {
    requires ssi.api; // the policy SPI, and nothing else
    provides ssi.api.PolicyProvider with ssi.policy.roundrobin.RoundRobinProvider; // found by ServiceLoader; the package stays unexported
}
