/** MOSIX's resource sharing: placement on the best node, pairwise load balancing with a stability margin, memory ushering. */
module ssi.policy.mosix {
    requires ssi.api; // the policy SPI, and nothing else
    provides ssi.api.PolicyProvider with ssi.policy.mosix.MosixProvider; // found by ServiceLoader; the package stays unexported
}
