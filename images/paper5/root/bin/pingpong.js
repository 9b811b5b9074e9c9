// Migrates back and forth between another node and its home: exercises the migration mechanism.
// usage: pingpong.js [TIMES] [NODE]   (default 10 times, node 2)
const times = Number(ssi.args[0] ?? 10);
const there = ssi.args[1] ?? '2';
for (let i = 0; i < times; i++) {
    ssi.migrate(i % 2 === 0 ? there : 'home');
}
console.log(`pingpong: ${times} migrations, now at node ${ssi.where()}`);
