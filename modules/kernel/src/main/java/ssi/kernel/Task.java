package ssi.kernel;

/** Something the quantum loop orders: a process's guest slice, its deputy finishing a call, or signals reaching it. */
abstract sealed class Task permits Proc, Deputy, Delivery {
    long readyAt; // virtual time from which it may run (a deputy: when its call is done)

    /** The node whose CPUs it uses. */
    abstract int node();

    /** The pid it belongs to, for ordering. */
    abstract int pid();
}
