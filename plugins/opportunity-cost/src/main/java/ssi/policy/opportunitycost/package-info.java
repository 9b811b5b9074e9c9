/**
 * The economic (opportunity cost) policy of Amir, Awerbuch, Barak et al. as a policy plugin:
 * every resource priced exponentially in its use.
 * <p>
 * May touch only ssi.api: what its ClusterView shows, and Proposals it returns.
 */
package ssi.policy.opportunitycost;
