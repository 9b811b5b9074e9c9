package ssi.kernel;

import ssi.guest.Syscall;

/**
 * The part of a migrated process that stays at its home node and runs its site-dependent system
 * calls. A forwarded call arrives over the network, takes CPU work at home (kernel work, taken
 * from what home's processes get, so that it counts in home's load), is carried out there at
 * {@link #readyAt}, and its answer travels back.
 */
final class Deputy extends Task {
    final Proc owner;
    Syscall call;      // the call it serves, null when idle
    double cpuSeconds; // virtual CPU time used at home

    Deputy(Proc owner) {
        this.owner = owner;
        this.readyAt = Long.MAX_VALUE;
    }

    @Override
    int node() {
        return owner.home;
    }

    @Override
    int pid() {
        return owner.pid;
    }

    boolean busy() {
        return call != null;
    }

    void idle() {
        call = null;
        readyAt = Long.MAX_VALUE;
    }
}
