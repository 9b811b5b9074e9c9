package ssi.kernel;

/** A process's deputy as the quantum loop orders it: it is done with the call it serves at {@link #readyAt}, at home. */
final class DeputyTask extends Task {
    final Proc owner;

    DeputyTask(Proc owner) {
        this.owner = owner;
        this.readyAt = Long.MAX_VALUE;
    }

    @Override
    public int pid() {
        return owner.pid;
    }

    boolean busy() {
        return owner.deputy.busy();
    }

    /** It drops the call it served (its process ended). */
    void idle() {
        owner.deputy.idle();
        readyAt = Long.MAX_VALUE;
    }
}
