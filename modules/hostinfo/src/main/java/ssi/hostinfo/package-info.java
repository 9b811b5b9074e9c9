/**
 * The real host as OSHI reads it (CPU model and speed, logical CPUs, memory, load).
 * <p>
 * Owns: nothing of the emulated cluster, and may not touch it: what the host is never changes what the cluster sees.
 */
package ssi.hostinfo;
