package ssi.ipc;

/** One holder's end of a pipe: {@code owner} holds it, and the pipe lives at {@code node} (its creator's home). */
public record PipeEnd(int id, Pipe pipe, boolean write, int node, int owner) {}
