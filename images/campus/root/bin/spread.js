// Starts N workers (count.js, each WORK iterations a line for LINES lines) and waits for them: run by
// mosrc on a MOSIX entity, the workers spread over that cluster's nodes.
// usage: spread.js N [LINES] [WORK]
const [n = '3', lines = '2', work = '200000'] = ssi.args;
const kids = [];
for (let i = 0; i < Number(n); i++) {
    kids.push(ssi.spawn('/bin/count.js', [lines, work]));
}
for (const pid of kids) {
    ssi.wait(pid);
}
console.log(`spread.js ${ssi.getpid()}: ${kids.length} workers done`);
