// Times one write and one read of a file, in virtual ns, where it starts and after migrating to each node given.
// usage: fileio.js PATH BYTES [NODE...]
const [path, size, ...nodes] = ssi.args;
const data = 'x'.repeat(Number(size));

function measure() {
    let fd = ssi.open(path, 'w');
    const t0 = ssi.time(); ssi.write(fd, data); const t1 = ssi.time();
    ssi.close(fd);
    fd = ssi.open(path, 'r');
    const t2 = ssi.time(); const got = ssi.read(fd, Number(size)); const t3 = ssi.time();
    ssi.close(fd);
    if (got !== data) throw new Error('read back something else');
    console.log(ssi.where(), Math.round((t1 - t0) * 1e9), Math.round((t3 - t2) * 1e9));
}

measure();
for (const node of nodes) {
    ssi.migrate(node);
    measure();
}
