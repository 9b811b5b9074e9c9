/**
 * Synthetic processes: a demand model (CPU work, memory, calls home, memory written) run by the
 * kernel in place of guest code (SyntheticProcess), drawn from distributions or read from a trace (Workload).
 * <p>
 * Owns: each process's demand and where it stands in it. May not touch: the kernel; a synthetic
 * process is a ProcessBody, driven as a guest is.
 */
package ssi.synthetic;
