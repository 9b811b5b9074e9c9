/**
 * The interactive shell and the script runner (Main, Shell), their commands in groups
 * (ProcessCommands, FileCommands, ClusterCommands, MosixTools, Experiments, Studies), the
 * benchmarks a person runs (Bench, ProgramBench) and the fuzz campaigns.
 * <p>
 * Owns: what a person sees and types. May not touch: the kernel's internals; it drives the
 * cluster through the kernel's public API, exactly as a plugin or a test could.
 */
package ssi.shell;
