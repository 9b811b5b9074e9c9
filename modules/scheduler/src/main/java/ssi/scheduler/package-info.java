/**
 * Where processes run: each node's CPUs shared among its processes in a quantum (NodeCpus,
 * CpuShare), the MOSIX load index and the gossip of load vectors (Information, Gossip,
 * InfoWindow), each process's decayed statistics (Usage), and the balancer that asks each node's
 * policy instance for placements and proposals and disposes of them (Balancer, PolicyHost).
 * <p>
 * Owns: load information, the policy instances, the rules a proposal must pass. May not touch: the
 * kernel's processes, nodes or clock except through {@link ssi.scheduler.Balanced} and
 * {@link ssi.scheduler.Balancer.Cluster}; migration itself (it asks the kernel to start one).
 */
package ssi.scheduler;
