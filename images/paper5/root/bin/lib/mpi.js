// A small MPI over ssi's messages: ranks, point-to-point send and receive by rank, a barrier and a
// ring all-reduce (the seed paper's Test 8). Usage: const mpi = load('/bin/lib/mpi.js');
//   const world = mpi.init('/bin/PROGRAM.js', 5);   // rank 0 starts ranks 1..SIZE-1 running PROGRAM, SIZE
//   being the program's first argument if it is a number, else the default given
//   world.rank, world.size, world.send(rank, value), world.recv(rank), world.allreduce(value), world.finish()
(function () {
    'use strict';
    const TAG = 'mpi-rank';

    function init(program, defaultSize) {
        let rank, pids, args, size;
        const at = ssi.args.indexOf(TAG);
        if (at < 0) { // rank 0: start the others and tell everyone who is who
            rank = 0;
            args = ssi.args.slice();
            size = /^\d+$/.test(args[0] ?? '') ? Number(args[0]) : defaultSize;
            pids = [ssi.getpid()];
            for (let r = 1; r < size; r++) {
                pids.push(ssi.spawn(program, [TAG, String(r), ...args]));
            }
            for (let r = 1; r < size; r++) {
                ssi.send(pids[r], JSON.stringify({mpi: 'world', pids}));
            }
        } else {
            rank = Number(ssi.args[at + 1]);
            args = ssi.args.slice(at + 2);
            const hello = ssi.recv();
            pids = JSON.parse(hello.data).pids;
            size = pids.length;
        }
        const early = new Map(); // messages that came before they were asked for, by sender pid
        const world = {
            rank, size, pids, args,
            send(to, value) {
                ssi.send(pids[to], JSON.stringify({mpi: 'data', value}));
            },
            recv(from) {
                const pid = pids[from];
                const queue = early.get(pid);
                if (queue && queue.length) return queue.shift();
                for (;;) {
                    const m = ssi.recv();
                    const value = JSON.parse(m.data).value;
                    if (m.from === pid) return value;
                    if (!early.has(m.from)) early.set(m.from, []);
                    early.get(m.from).push(value);
                }
            },
            /** Each rank passes what it last received to the next one around the ring; after size-1 steps all have the sum. */
            allreduce(value, op = (a, b) => a + b) {
                let total = value, passing = value;
                for (let step = 0; step < size - 1; step++) {
                    world.send((rank + 1) % size, passing);
                    passing = world.recv((rank + size - 1) % size);
                    total = op(total, passing);
                }
                return total;
            },
            barrier() {
                world.allreduce(0);
            },
            /** Rank 0 waits for the others to end; returns their exit statuses. */
            finish() {
                return rank === 0 ? pids.slice(1).map(pid => ssi.wait(pid)) : [];
            },
        };
        return world;
    }

    return {init};
})();
