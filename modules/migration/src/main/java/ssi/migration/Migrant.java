package ssi.migration;

/** A process as the migration mechanism reads it; the process is the kernel's. */
public interface Migrant {
    int pid();

    /** The node it started at, where its deputy stays. */
    int home();

    /** The node it runs on now. */
    int where();

    /** Its emulated memory: what a transfer sends. */
    AddressSpace memory();

    /** What confines it to its home ({@link CantMove#MONKEY}, {@link CantMove#NATIVE}), or null. */
    CantMove confined();

    /** Whether its user locked it against migration. */
    boolean locked();

    /** Its migration in flight, or null. */
    Move move();

    /** Sets its migration in flight (null once it ended). */
    void move(Move m);

    /** Its image on its home's disk while it is frozen ({@link Freezing}), or null. */
    Freezing.Frozen frozen();

    /** Sets it frozen (null once it continues). */
    void frozen(Freezing.Frozen f);
}
