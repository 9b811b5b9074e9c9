package ssi.guest;

/** A message a process received: who sent it, and its bytes. */
public record Received(int from, byte[] data) {}
