/**
 * An example policy plugin (least loaded), loaded at run time with {@code policy load}.
 * <p>
 * May touch only ssi.api: what its ClusterView shows, and Proposals it returns.
 */
package ssi.policy.example;
