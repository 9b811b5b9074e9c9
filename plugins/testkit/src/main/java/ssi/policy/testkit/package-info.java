/**
 * A test kit for policy plugins: standard scenarios run on a real cluster, and the figures a policy is judged by.
 * <p>
 * May not touch: the kernel's internals; it boots kernels and reads their public API.
 */
package ssi.policy.testkit;
