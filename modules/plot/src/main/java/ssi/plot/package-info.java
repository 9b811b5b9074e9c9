/**
 * Charts of a run as the seed paper draws its results: load per node, processes per node, migrations.
 * <p>
 * Owns: images of a trace. May not touch: the cluster; it reads a recorded trace only.
 */
package ssi.plot;
