package ssi.ipc;

/** What a process blocked in a call waits for, so that a signal it catches can interrupt it. */
public sealed interface Wait {
    /** {@code sleep}: a caught signal ends it early. */
    Wait SLEEP = new Sleep();
    /** {@code wait} for a child: a caught signal interrupts it, and the call is made again. */
    Wait CHILD = new Child();

    record Sleep() implements Wait {}

    record Child() implements Wait {}

    record PipeRead(PipeEnd end, int max) implements Wait {}

    /** A write of {@code bytes} to a full pipe, {@code done} of them written so far. */
    record PipeWrite(PipeEnd end, byte[] bytes, int done) implements Wait {}

    /** A receive that ends at {@code wakeAt}: with {@code taken}, the first message to arrive, or at its deadline with none. */
    record Recv(long deadline, Mailbox.Message taken, long wakeAt) implements Wait {}
}
