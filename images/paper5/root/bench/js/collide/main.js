// Benchmark "collide": moves aircraft through an airspace and counts near-collisions per frame with a voxel hash.
// usage: main.js [FRAMES]   (default 1500)
const { Lcg, Checksum } = require('../lib/rng');
const { Vec3 } = require('./vector');
const { Airspace, Aircraft } = require('./aircraft');
const { CollisionDetector } = require('./detector');

const frames = Number(process.argv[2] || 1500);
const COUNT = 1500;
const MAX_SPEED = 12;
const rng = new Lcg(99);
const space = new Airspace(2000, 2000, 300);
const airlines = ['AAL', 'BAW', 'DLH', 'KLM', 'SWR', 'UAL', 'EZY', 'RYR'];
const fleet = [];
for (let i = 0; i < COUNT; i++) {
    const pos = new Vec3(rng.float() * 2000, rng.float() * 2000, rng.float() * 300);
    const vel = new Vec3(rng.float() * 16 - 8, rng.float() * 16 - 8, rng.float() * 2 - 1);
    fleet.push(new Aircraft(i, `${rng.pick(airlines)}${100 + i}`, pos, vel));
}

const detector = new CollisionDetector(6, 40);
const sum = new Checksum();
const perPair = new Map();
let total = 0, busiest = 0, busiestFrame = -1;
for (let f = 0; f < frames; f++) {
    // A few pilots change course each frame.
    for (let k = 0; k < 20; k++) {
        const a = fleet[rng.below(COUNT)];
        a.velocity = a.velocity.plus(new Vec3(rng.float() * 4 - 2, rng.float() * 4 - 2, rng.float() - 0.5));
    }
    const motions = fleet.map((a) => a.fly(space, MAX_SPEED));
    const collisions = detector.detect(motions);
    total += collisions.length;
    if (collisions.length > busiest) [busiest, busiestFrame] = [collisions.length, f];
    sum.add(f).add(collisions.length);
    for (const c of collisions) {
        perPair.set(c.label, (perPair.get(c.label) || 0) + 1);
        sum.addString(c.label).add(Math.floor(c.point.x * 1000)).add(Math.floor(c.point.y * 1000));
    }
}

for (const a of fleet) {
    const p = a.position;
    if (!(p.x >= 0 && p.x <= 2000 && p.y >= 0 && p.y <= 2000 && p.z >= 0 && p.z <= 300)) {
        console.error(`self-check failed: ${a.callsign} left the airspace at ${p}`);
        process.exit(1);
    }
}
const repeat = [...perPair.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, 3);
console.log(`collide: ${COUNT} aircraft, ${frames} frames, ${detector.checks} pair checks, ${detector.voxels} voxels`);
console.log(`  ${total} collisions (${perPair.size} pairs), busiest frame ${busiestFrame} with ${busiest}`);
console.log(`  most frequent: ${repeat.map(([k, n]) => `${k} x${n}`).join(', ')}`);
console.log(`  ${fleet[0].callsign} ends at ${fleet[0].position}`);
console.log(`checksum ${sum.value}`);
