// Computes for SECONDS of virtual time, then sleeps for as long again. usage: burst.js SECONDS
const seconds = Number(ssi.args[0]);
while (ssi.time() < seconds) {
    let x = 0;
    for (let k = 0; k < 100; k++) x += k;
}
ssi.sleep(seconds);
