// The seed paper's Figure 4: an I/O-bound loop. Each iteration computes a little, then makes one
// write system call of a 64-byte record to a file in /tmp (at the home node: a process away makes its
// deputy do it).
// usage: ioloop.js [RECORDS] [ITERATIONS]   (default forever, 2000 iterations between records; the
// file starts again every 1000 records)
const n = Number(ssi.args[0] ?? Infinity);
const work = Number(ssi.args[1] ?? 2000);
const path = `/tmp/ioloop-${ssi.getpid()}`;
const record = 'r'.repeat(63) + '\n';
let fd = ssi.open(path, 'w');
for (let i = 1; i <= n; i++) {
    let x = 0;
    for (let k = 0; k < work; k++) x += k;
    ssi.write(fd, record);
    if (i % 1000 === 0) {
        ssi.close(fd);
        fd = ssi.open(path, 'w');
    }
}
ssi.close(fd);
ssi.unlink(path);
console.log(`ioloop.js ${ssi.getpid()}: ${n} records, done at node ${ssi.where()}`);
