/**
 * MOSIX's resource sharing as a policy plugin: placement on the best node, pairwise load balancing
 * with a stability margin, memory ushering.
 * <p>
 * May touch only ssi.api: what its ClusterView shows, and Proposals it returns.
 */
package ssi.policy.mosix;
