// Writes a file on node 3 and closes it, then writes more without closing, and tries again after a
// second (node 3 crashes in between). usage: crashfile.js
let fd = ssi.open('/mfs/3/log', 'w');
ssi.write(fd, 'committed');
ssi.close(fd);
fd = ssi.open('/mfs/3/log', 'a');
ssi.write(fd, ' and never closed');
ssi.sleep(1);
for (const call of [() => ssi.write(fd, ' more'), () => ssi.open('/mfs/3/log', 'r')]) {
    try { call(); console.log('ALLOWED'); } catch (e) { console.log(e.message); }
}
