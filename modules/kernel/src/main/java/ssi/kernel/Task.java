package ssi.kernel;

/** Something the quantum loop orders: a process's guest slice, its deputy finishing a call, or signals reaching it. */
abstract sealed class Task permits ProcFigures, Deputy, Delivery {
    long readyAt; // virtual time from which it may run (a deputy: when its call is done)
    long eventAt; // the quantum loop's sort key: when what it did in its slice happens

    /** The node whose CPUs it uses. */
    abstract int node();

    /** The pid it belongs to, for ordering. */
    abstract int pid();
}
