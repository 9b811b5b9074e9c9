// Writes, appends, reads and lists the cluster's files through ssi's file calls.
const fd = ssi.open('/mfs/2/js.txt', 'w');
ssi.write(fd, 'héllo');
ssi.close(fd);
const add = ssi.open('/mfs/2/js.txt', 'a');
ssi.write(add, ' world');
ssi.close(add);
const rd = ssi.open('/mfs/2/js.txt');
console.log(ssi.read(rd, 3) + '|' + ssi.read(rd));
ssi.close(rd);
const st = ssi.stat('/mfs/2/js.txt');
console.log(`size ${st.size} dir ${st.isDirectory} ${JSON.stringify(ssi.listdir('/mfs/2'))}`);
ssi.mkdir('/home/d');
console.log(JSON.stringify(ssi.listdir('/home')), ssi.stat('/home/d').isDirectory);
for (const bad of [() => ssi.open('/nope'), () => ssi.open('/bin/x.js', 'w'), () => ssi.read(99), () => ssi.open('/tmp/x', 'rw'), () => ssi.unlink('/mfs/2/none')]) {
    try { bad(); console.log('ALLOWED'); } catch (e) { console.log(e.message); }
}
ssi.unlink('/mfs/2/js.txt');
console.log(JSON.stringify(ssi.listdir('/mfs/2')));
