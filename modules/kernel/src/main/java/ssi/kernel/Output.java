package ssi.kernel;

/** Text a process wrote to its terminal, stamped with the virtual time it was written at. */
public record Output(long time, int pid, boolean stderr, String text) {}
