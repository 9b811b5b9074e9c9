// Times one 100-byte message between two processes of home node 1 running on nodes 3 and 2.
// usage: msg.js [direct]   (child: msg.js child [direct])
const direct = ssi.args.includes('direct');
if (direct) ssi.direct(true);
if (ssi.args[0] === 'child') {
    ssi.migrate(2);
    const m = ssi.recv();
    console.log(`got ${m.data.length} from ${m.from} at ${Math.round(ssi.time() * 1e9)}`);
} else {
    const child = ssi.spawn('msg.js', direct ? ['child', 'direct'] : ['child']);
    ssi.migrate(3);
    ssi.sleep(0.2); // both have moved
    const t = Math.round(ssi.time() * 1e9);
    ssi.send(child, 'x'.repeat(100));
    console.log(`sent at ${t}`);
    ssi.wait(child);
}
