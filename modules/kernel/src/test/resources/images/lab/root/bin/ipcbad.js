// Each bad IPC call gives an error the program can catch.
const [r, w] = ssi.pipe();
ssi.close(r);
const dead = ssi.spawn('hello.js');
ssi.wait(dead);
const id = ssi.shmget(7, 64);
for (const bad of [() => ssi.write(w, 'x'), () => ssi.send(dead, 'hi'), () => ssi.kill(ssi.getpid(), 'SIGBOGUS'),
                   () => ssi.shmat(id) || ssi.shmdt(id) || ssi.shmdt(id), () => ssi.read(99), () => ssi.read(w),
                   () => ssi.signal('SIGKILL', () => 0), () => ssi.spawn('hello.js', [], {stdin: w})]) {
    try { bad(); console.log('ALLOWED'); } catch (e) { console.log(e.message); }
}
