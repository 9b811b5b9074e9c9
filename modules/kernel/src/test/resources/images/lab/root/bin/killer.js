// Sends signals to a process: usage: killer.js PID SIG@SECONDS...; prints when each left.
const pid = Number(ssi.args[0]);
for (const spec of ssi.args.slice(1)) {
    const [sig, at] = spec.split('@');
    ssi.sleep(Number(at) - ssi.time());
    console.log(`${sig} ${Math.round(ssi.time() * 1e9)}`);
    ssi.kill(pid, sig);
}
