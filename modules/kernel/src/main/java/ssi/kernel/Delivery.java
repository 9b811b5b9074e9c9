package ssi.kernel;

/** Signals reaching a process at {@link #readyAt}: an event of the quantum loop, so that they act in virtual-time order. */
final class Delivery extends Task {
    final Proc target;

    Delivery(Proc target, long at) {
        this.target = target;
        this.readyAt = at;
    }

    @Override
    public int pid() {
        return target.pid;
    }
}
