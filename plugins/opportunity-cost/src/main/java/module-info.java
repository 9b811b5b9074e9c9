/** The economic (opportunity cost) policy of Amir, Awerbuch, Barak et al.: every resource priced exponentially in its use. */
module ssi.policy.opportunitycost {
    requires ssi.api; // the policy SPI, and nothing else
    provides ssi.api.PolicyProvider with ssi.policy.opportunitycost.OpportunityCostProvider; // found by ServiceLoader; the package stays unexported
}
