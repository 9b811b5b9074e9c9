// Values the host cannot take: each refused in JavaScript's terms.
for (const call of [() => ssi.signal('SIGUSR1', 'x'), () => ssi.migrate({}), () => ssi.kill(1, [9]), () => ssi.kill(1, 'y'.repeat(100))]) {
    try {
        call();
    } catch (e) {
        console.log(`${e.constructor.name}: ${e.message}`);
    }
}
