// Reads and writes /proc through ssi's file calls.
function cat(path) {
    const fd = ssi.open(path);
    const text = ssi.read(fd).trim();
    ssi.close(fd);
    return text;
}
function put(path, text) {
    const fd = ssi.open(path, 'w');
    try { ssi.write(fd, text); } finally { ssi.close(fd); }
}
console.log(`lock ${cat('/proc/self/lock')} status ${cat('/proc/self/status')}`);
put('/proc/self/lock', '1');
console.log(`lock ${cat('/proc/self/lock')}`);
try { put('/proc/self/where', '2'); } catch (e) { console.log(e.message); }
put('/proc/self/lock', '0');
put('/proc/self/goto', 'fast');
ssi.sleep(0.5);
console.log(`where ${cat('/proc/self/where')} from ${cat('/proc/self/from')} nmigs ${cat('/proc/self/nmigs')}`);
console.log(cat('/proc/self/migrations').split('\n')[1].split(' ').slice(0, 3).join(' '));
console.log(JSON.stringify(ssi.listdir('/proc/mosix/nodes')));
