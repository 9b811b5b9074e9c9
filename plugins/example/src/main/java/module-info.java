/** An example policy plugin, loaded at run time with `policy load plugins/example/target/classes`. */
module ssi.policy.example {
    requires ssi.api; // the policy SPI, and nothing else
    provides ssi.api.PolicyProvider with ssi.policy.example.LeastLoadedProvider; // found by ServiceLoader in its layer
}
