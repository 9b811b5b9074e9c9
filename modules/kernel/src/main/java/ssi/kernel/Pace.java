package ssi.kernel;

/** How virtual time relates to the wall clock. */
public enum Pace {
    /** Virtual time never runs ahead of the wall clock: for people watching. */
    REALTIME,
    /** As fast as the host allows, and only when asked to advance: for experiments and tests. */
    MAX
}
