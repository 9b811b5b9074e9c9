/** The stable surface of ssi: value types and the read-only views that tools and policies see. */
module ssi.api {
    exports ssi.api;
}
