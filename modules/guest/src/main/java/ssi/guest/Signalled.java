package ssi.guest;

/**
 * The answer to a system call that comes with signals for the process's handlers: the guest runs
 * them, then takes {@code answer} as its call's answer, or makes the call again if {@code restart}
 * (a blocking call they interrupted).
 */
public record Signalled(int[] signals, Object answer, boolean restart) {}
