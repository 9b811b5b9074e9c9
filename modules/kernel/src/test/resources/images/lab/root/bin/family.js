// Spawns children (JS and Python), waits for each, and prints their exit statuses.
const kids = [ssi.spawn('/bin/work.js', ['200000']), ssi.spawn('/bin/work.py', ['200000'])];
console.log(`parent ${ssi.getpid()} spawned ${kids.join(', ')}`);
for (const pid of kids) {
    console.log(`child ${pid} exited with status ${ssi.wait(pid)}`);
}
