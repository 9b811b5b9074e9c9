// Arguments the kernel cannot take, each refused with an error the program catches; then it
// sleeps past the clock's end (forever, until killed). usage: badargs.js
for (const bad of [() => ssi.alloc(0), () => ssi.alloc(2 ** 62), () => ssi.free(99), () => ssi.wait(99)]) {
    try {
        bad();
        console.log('ALLOWED');
    } catch (e) {
        console.log(e.message);
    }
}
console.log('still here');
ssi.sleep(1e300);
console.log('woke up');
