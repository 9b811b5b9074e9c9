/**
 * The stable surface of ssi: value types (NodeSpec, Link, Signal, VirtualTime, Migration, ...),
 * the read-only views a policy decides on (ClusterView, NodeLoad, ProcessView) and the policy SPI.
 * <p>
 * Owns: nothing that changes; every type here is a value or an interface. May not touch: any other
 * module of ssi (it depends on none), so that a plugin built against it alone sees no internals.
 */
package ssi.api;
