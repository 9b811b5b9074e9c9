/**
 * A baseline policy plugin: new processes dealt out to the known nodes in turn; nothing moves afterwards.
 * <p>
 * May touch only ssi.api: what its ClusterView shows, and Proposals it returns.
 */
package ssi.policy.roundrobin;
