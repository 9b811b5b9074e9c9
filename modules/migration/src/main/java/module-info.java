/** The migration mechanism: freeze, transfer and resume, the deputy that stays home, the constraints, and checkpoints. */
module ssi.migration {
    requires transitive ssi.api;             // Link, Migration and MigrationReason appear in this module's API
    requires transitive ssi.guest;           // the system calls a deputy serves, and the answers a move gives
    requires com.fasterxml.jackson.databind; // checkpoints as JSON
    exports ssi.migration;                   // to the kernel, which drives it through Migrations.Host
}
