// A child inherits its parent's home, lock and mode, and the pipe end passed to it; wait tells how it ended.
if (ssi.args[0] === 'child') {
    ssi.write(Number(ssi.args[1]), `child of ${ssi.getppid()} on node ${ssi.where()}`);
    let x = 0;
    for (let i = 0; i < 1000; i++) x += i;
    ssi.sleep(1); // time for the test to look at it
    ssi.exit(3);
} else {
    const [r, w] = ssi.pipe();
    const child = ssi.spawn('inherit.js', ['child', String(w)], {fds: [w]});
    ssi.close(w);
    console.log(ssi.read(r));
    const e = ssi.waitinfo(child);
    console.log(`status ${e.status} work ${e.work > 1000} nmigs ${e.nmigs} eof '${ssi.read(r)}'`);
}
