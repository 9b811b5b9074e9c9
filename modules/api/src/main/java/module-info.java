/** The stable surface of ssi: value types, the read-only views that tools and policies see, and the policy SPI. */
module ssi.api {
    exports ssi.api; // to every module: plugins are built against this one alone
}
