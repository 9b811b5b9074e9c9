/** The migration mechanism's rules: emulated address spaces with dirty pages, the transfer cost model, constraints. */
module ssi.migration {
    requires transitive ssi.api; // Link and MigrationReason appear in this module's API
    exports ssi.migration;
}
