package ssi.guest;

/** How a child ended, as {@code wait} answers: its status and what it used (virtual CPU seconds, work units, migrations, calls its deputy served). */
public record ChildExit(int status, double cpuSeconds, long work, int nmigs, long forwarded) {}
