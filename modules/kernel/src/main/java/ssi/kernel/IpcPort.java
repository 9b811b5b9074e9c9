package ssi.kernel;

import java.util.Collection;
import ssi.ipc.Ipc;

/** The kernel as IPC sees it: its processes, and the effects of a call on them in the current round. */
final class IpcPort implements Ipc.Host<Proc> {
    private final Kernel k;

    private IpcPort(Kernel k) {
        this.k = k;
    }

    /** IPC for the kernel's processes, through this port. */
    static Ipc<Proc> connect(Kernel k) {
        return new Ipc<>(new IpcPort(k), k.image().ipcCallNanos(), k.image().link());
    }

    @Override
    public Proc process(int pid) {
        return k.processes.get(pid);
    }

    @Override
    public Collection<Proc> processes() {
        return k.processes.all();
    }

    @Override
    public void answer(Proc q, Object answer, long at) {
        q.waitingFor = -1; // a wait for a child that a signal interrupted ends
        k.quantum.answerBlocked(q, answer, at);
    }

    @Override
    public void deliverAt(Proc q, long at) {
        k.quantum.deliverAt(q, at);
    }

    @Override
    public void terminate(Proc q, int status, long t) {
        k.processes.exit(q, status, t);
    }

    @Override
    public void stop(Proc q, boolean stop, long t) {
        k.quantum.stop(q, stop, t);
    }

    @Override
    public void log(long t, String event) {
        k.trace.log(t, event);
    }
}
