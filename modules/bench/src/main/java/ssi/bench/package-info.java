/**
 * JMH benchmarks of the kernel's functions that a large study repeats: gossip, a policy's decision,
 * a synthetic process's virtual second, a forwarded call, a migration.
 * <p>
 * Owns: its scenarios. May not touch: the kernel's internals; it measures through public APIs.
 */
package ssi.bench;
