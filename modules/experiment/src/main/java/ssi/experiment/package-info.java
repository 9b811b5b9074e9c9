/**
 * Experiments: an image's scripted workloads run on a fresh kernel from a seed (Runner), recorded
 * as traces (Trace, Recorder) and judged by their figures (Summary, Comparison).
 * <p>
 * Owns: experiment files and run directories. May not touch: the kernel's internals; it drives a
 * kernel through its public API and a Console, as the shell does.
 */
package ssi.experiment;
