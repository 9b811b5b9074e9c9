package ssi.migration;

import ssi.api.Link;
import ssi.guest.Received;
import ssi.guest.Syscall;

/**
 * The part of a migrated process that stays at its home node and runs its site-dependent system
 * calls. A forwarded call travels to it over the network, takes CPU work at home (kernel work,
 * taken from what home's processes get, so that it counts in home's load), is carried out there,
 * and its answer travels back.
 */
public final class Deputy {
    private Syscall call;      // the call it serves, null when idle
    private double cpuSeconds; // virtual CPU time used at home
    private long served;       // the calls forwarded to it

    /**
     * Takes a call forwarded at {@code t} over {@code link}, which takes {@code serviceNanos} of a
     * CPU at home once it arrives; returns when that is done and the call runs at home.
     */
    public long forward(Syscall call, long t, Link link, long serviceNanos) {
        long payload = switch (call) {
            case Syscall.Write w -> w.bytes().length;
            case Syscall.File f -> f.call().sent();
            case Syscall.PipeWrite w -> w.bytes().length;
            case Syscall.Send m -> m.data().length;
            case Syscall.Demand d -> d.bytes();
            default -> 0;
        };
        this.call = call;
        served++;
        cpuSeconds += serviceNanos / 1e9;
        return t + link.messageNanos(Link.CONTROL_BYTES + payload) + serviceNanos;
    }

    /** Whether it serves a call now. */
    public boolean busy() {
        return call != null;
    }

    /** The call it served, which runs at home now; it is idle from then on. */
    public Syscall take() {
        Syscall c = call;
        call = null;
        return c;
    }

    /** It drops the call it served (its process ended). */
    public void idle() {
        call = null;
    }

    /** Virtual CPU time it used at home. */
    public double cpuSeconds() {
        return cpuSeconds;
    }

    /** The calls forwarded to it since the process started. */
    public long served() {
        return served;
    }

    /** When the answer to {@code call}, given at home at {@code t}, reaches the process. */
    public static long replyAt(Syscall call, Object answer, long t, Link link) {
        long bytes = call instanceof Syscall.File f ? f.call().received(answer) : replyBytes(answer);
        return t + link.messageNanos(Link.CONTROL_BYTES + bytes);
    }

    /** When an answer given at home at {@code t} to a call that blocked there reaches the process. */
    public static long replyAt(Object answer, long t, Link link) {
        return t + link.messageNanos(Link.CONTROL_BYTES + replyBytes(answer));
    }

    /** Bytes an answer carries back to a process (data read from a pipe, a message). */
    private static long replyBytes(Object answer) {
        return switch (answer) {
            case byte[] b -> b.length;
            case Received r -> r.data().length;
            case null, default -> 0;
        };
    }
}
