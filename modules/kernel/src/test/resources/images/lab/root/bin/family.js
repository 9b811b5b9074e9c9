// Spawns children (JS and Python), waits for each, and prints their exit statuses.
// usage: family.js [iterations]   (each child's, default 200000)
const n = ssi.args[0] ?? '200000';
const kids = [ssi.spawn('/bin/work.js', [n]), ssi.spawn('/bin/work.py', [n])];
console.log(`parent ${ssi.getpid()} spawned ${kids.join(', ')}`);
for (const pid of kids) {
    console.log(`child ${pid} exited with status ${ssi.wait(pid)}`);
}
