// Tries to end a process with a signal and to lock it through /proc; prints what each gave.
// usage: meddle.js PID
const pid = Number(ssi.args[0]);
try {
    ssi.kill(pid, 'SIGTERM');
    console.log('signalled');
} catch (e) {
    console.log(e.message);
}
try {
    const fd = ssi.open(`/proc/${pid}/lock`, 'w');
    ssi.write(fd, '1');
    ssi.close(fd);
    console.log('locked');
} catch (e) {
    console.log(e.message);
}
