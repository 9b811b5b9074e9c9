/**
 * Experiment sweeps over a Hazelcast cluster: {@link ssi.sweep.Plan} (what to run),
 * {@link ssi.sweep.Members} (the cluster), {@link ssi.sweep.Coordinator} (who runs what),
 * {@link ssi.sweep.Station} (a member's side of a run), {@link ssi.sweep.Table} (the result).
 */
package ssi.sweep;
