/** An experiment's trace drawn as the seed paper draws its results: load per node over time, processes per node, migrations. */
module ssi.plot {
    requires transitive ssi.experiment; // the Trace and Summary it draws
    requires org.jfree.jfreechart;      // the charts
    requires org.jfree.svg;             // SVG output
    requires java.desktop;              // PNG output (headless AWT)
    exports ssi.plot;                   // to the shell (plot, and the charts of a run)
}
