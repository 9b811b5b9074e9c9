/**
 * A live web view of the running cluster: nodes, processes, load over virtual time and the
 * migration log, streamed to a browser page, with controls that call the kernel as the shell does.
 */
module ssi.web {
    requires ssi.kernel;                      // the cluster it shows and drives
    requires jdk.httpserver;                  // the embedded HTTP server (static assets, Server-Sent Events, JSON POSTs)
    requires com.fasterxml.jackson.databind;  // the snapshots and requests, as JSON
    exports ssi.web;                          // to the shell (web, ./ssi --web)
    opens ssi.web to com.fasterxml.jackson.databind; // it writes the snapshot records
}
