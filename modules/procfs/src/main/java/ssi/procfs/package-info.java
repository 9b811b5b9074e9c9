/**
 * The {@code /proc} tree: nodes, their admin switches, and processes, read and written as text.
 * <p>
 * Owns: the files' text and its parsing. May not touch: the cluster itself; it reads and acts only
 * through {@link ssi.procfs.ProcSource}, which the kernel provides.
 */
package ssi.procfs;
