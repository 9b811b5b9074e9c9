// Benchmark "scheduler": a discrete-event simulation of tasks on a multi-core CPU with devices and a packet pipeline.
// usage: main.js [TASKS]   (default 800000)
const { Lcg, Checksum } = require('../lib/rng');
const { Simulator, Device, Mailbox } = require('./sim');
const { ComputeTask, IoTask, ProducerTask, StageTask } = require('./tasks');

const total = Number(process.argv[2] || 800000);
const rng = new Lcg(42);
const sim = new Simulator(4, 8);
const devices = ['disk0', 'disk1', 'net'].map((n) => new Device(n));

// A pipeline of three stages ending at a sink; every producer feeds stage 0.
const boxes = [0, 1, 2, 3].map((i) => new Mailbox(`box${i}`));
const stages = boxes.map((box, i) => new StageTask(-1 - i, i, box, boxes[i + 1] || null));
for (const s of stages) sim.at(0, 'arrive', s);

// Arrivals: each arrival creates one task and schedules the next one.
let created = 0;
function arrival(s) {
    const id = created++;
    const roll = rng.below(10);
    const prio = rng.below(3);
    let task;
    if (roll < 4) {
        const bursts = [];
        for (let n = 1 + rng.below(4); n > 0; n--) bursts.push(1 + rng.below(30));
        task = new ComputeTask(id, prio, s.now, bursts);
    } else if (roll < 8) {
        task = new IoTask(id, prio, s.now, 1 + rng.below(5), rng.pick(devices), new Lcg(id + 1));
    } else {
        task = new ProducerTask(id, prio, s.now, 1 + rng.below(6), boxes[0], new Lcg(id * 7 + 3));
    }
    s.at(s.now, 'arrive', task);
    if (created < total) s.at(s.now + rng.below(14), 'hook', null, arrival);
}
sim.at(0, 'hook', null, arrival);
sim.run();

// Statistics per kind.
const byKind = new Map();
const sum = new Checksum();
for (const t of sim.finished) {
    const k = byKind.get(t.kind) || { count: 0, turnaround: 0, cpu: 0, worst: 0 };
    const turn = t.finished - t.arrival;
    k.count++;
    k.turnaround += turn;
    k.cpu += t.cpuUsed;
    k.worst = Math.max(k.worst, turn);
    byKind.set(t.kind, k);
    sum.add(t.id).add(t.finished);
}
const sink = stages[stages.length - 1];
if (sim.finished.length !== total || sink.absorbed !== sim.nextPacketId) {
    console.error(`self-check failed: ${sim.finished.length}/${total} tasks, ${sink.absorbed}/${sim.nextPacketId} packets`);
    process.exit(1);
}
console.log(`scheduler: ${total} tasks, end time ${sim.now}, ${sim.switches} dispatches`);
for (const kind of [...byKind.keys()].sort()) {
    const k = byKind.get(kind);
    const mean = Math.floor(k.turnaround / k.count);
    console.log(`  ${kind.padEnd(8)} ${String(k.count).padStart(7)} done, cpu ${k.cpu}, mean turnaround ${mean}, worst ${k.worst}`);
}
console.log(`  devices ${devices.map((d) => `${d.name}=${d.served}`).join(' ')}, packets ${sink.absorbed}`);
sum.add(sim.now).add(sim.switches).add(sink.digest);
console.log(`checksum ${sum.value}`);
